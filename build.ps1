#!/usr/bin/env pwsh
# Runs the Cake host: ./build.ps1 --target=<Task> [--name=value ...]
# The host is rebuilt only when one of its inputs changed since the last build; otherwise the built host runs
# directly, which skips MSBuild's project evaluation (about 2 s) on every call. It is published ReadyToRun
# (precompiled), which saves most of the JIT's start-up time.
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
$out = Join-Path $root 'build/bin/publish'
$hostDll = Join-Path $out 'Build.dll'
$stamp = Join-Path $out '.inputs-built'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'build.ps1: the .NET SDK (dotnet) is not on PATH; install .NET 10 (see global.json).'
    exit 1
}

function Test-InputsChanged {
    if (-not (Test-Path $hostDll) -or -not (Test-Path $stamp)) { return $true }
    $built = (Get-Item $stamp).LastWriteTimeUtc
    $files = @('build', 'src') | ForEach-Object { Get-ChildItem (Join-Path $root $_) -Recurse -File } |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $files += @('global.json', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', '.editorconfig') |
        ForEach-Object { Get-Item (Join-Path $root $_) }
    return [bool]($files | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

if (Test-InputsChanged) {
    $started = [DateTime]::UtcNow
    dotnet publish (Join-Path $root 'build/Build.csproj') --configuration Release --use-current-runtime --self-contained false `
        -p:PublishReadyToRun=true --output $out --nologo --verbosity quiet -consoleLoggerParameters:NoSummary | Write-Host
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    New-Item -ItemType File -Force $stamp | Out-Null
    (Get-Item $stamp).LastWriteTimeUtc = $started
}

& dotnet $hostDll @args
exit $LASTEXITCODE
