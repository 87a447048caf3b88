#!/usr/bin/env pwsh
# Runs the Cake host: ./build.ps1 --target=<Task> [--name=value ...]
# The same steps as build.sh: the host is rebuilt only when one of its inputs changed since the last build; otherwise
# the built host runs directly, which skips MSBuild's project evaluation (about 2 s) on every call. It is published
# ReadyToRun (precompiled), which saves most of the JIT's start-up time.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$out = Join-Path $root 'build/bin/publish'
$hostDll = Join-Path $out 'Build.dll'
$stamp = Join-Path $out '.inputs-built'
$inputs = 'build', 'src', 'global.json', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props',
    '.editorconfig'

if (-not (Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue)) {
    [Console]::Error.WriteLine('build.ps1: the .NET SDK (dotnet) is not on PATH; install .NET 10 (see global.json).')
    exit 1
}

# Runs dotnet in $directory with exactly $arguments and returns its exit code; its stdout goes to stderr if asked.
# Not PowerShell's call operator: on Linux that expands wildcards ('*', '[ab]') and '~' in every argument, even one
# that comes from a variable, so `./build.ps1 --pattern=*` would reach the host as a list of file names.
function Invoke-Dotnet([string] $directory, [string[]] $arguments, [switch] $stdoutToStderr) {
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
    $start.WorkingDirectory = $directory
    $start.RedirectStandardOutput = $stdoutToStderr.IsPresent
    $process = [System.Diagnostics.Process]::Start($start)
    if ($stdoutToStderr) {
        while ($null -ne ($line = $process.StandardOutput.ReadLine())) { [Console]::Error.WriteLine($line) }
    }
    $process.WaitForExit()
    return $process.ExitCode
}

# The arguments exactly as the caller gave them. When pwsh was started to run this script (./build.ps1 through the
# shebang, or pwsh -File), PowerShell's binding splits every argument that starts with '-' at its first ':'
# (--harbor-host=localhost:5443 would arrive as two) and drops '--%', so they are read from pwsh's own command line,
# after the script's path. Called from a PowerShell prompt, the script's $args are already right.
function Get-CallerArgument([string[]] $scriptArguments) {
    $commandLine = [Environment]::GetCommandLineArgs()
    for ($i = 1; $i -lt $commandLine.Count; $i++) {
        if ($commandLine[$i] -and [IO.Path]::GetFullPath($commandLine[$i]) -eq $PSCommandPath) {
            return , [string[]]@($commandLine | Select-Object -Skip ($i + 1))
        }
    }
    return , [string[]]@($scriptArguments)
}

# The files under $path, as build.sh's find lists them: bin/ and obj/ directories pruned, links not followed.
# -Force everywhere: on Linux, PowerShell skips dot files (.editorconfig, the stamp) without it.
function Get-InputFile([string] $path) {
    $item = Get-Item -LiteralPath $path -Force
    if (-not $item.PSIsContainer) { return $item }
    foreach ($child in Get-ChildItem -LiteralPath $path -Force) {
        if ($child.LinkType -or $child.Name -cin 'bin', 'obj') { continue }
        if ($child.PSIsContainer) { Get-InputFile $child.FullName } else { $child }
    }
}

function Test-InputsChanged {
    if (-not (Test-Path -LiteralPath $hostDll -PathType Leaf) -or -not (Test-Path -LiteralPath $stamp -PathType Leaf)) {
        return $true
    }
    $built = (Get-Item -LiteralPath $stamp -Force).LastWriteTimeUtc
    foreach ($path in $inputs | ForEach-Object { Join-Path $root $_ } | Where-Object { Test-Path -LiteralPath $_ }) {
        if (Get-InputFile $path | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1) {
            return $true
        }
    }
    return $false
}

if (Test-InputsChanged) {
    # Stamp with the time the build started (a file made now, renamed over the stamp afterwards), so an edit made
    # during the build still triggers the next one. The time is the file system's, which the inputs' times are too.
    $started = Join-Path $out '.inputs-building'
    Remove-Item -LiteralPath $started -Force -ErrorAction SilentlyContinue
    New-Item -ItemType File -Force -Path $started | Out-Null
    # From the root, so its global.json picks the SDK wherever the script is called from. The build's output goes to
    # stderr, as build.sh's does: stdout is the host's alone.
    $status = Invoke-Dotnet $root @('publish', (Join-Path $root 'build/Build.csproj'), '--configuration', 'Release',
        '--use-current-runtime', '--self-contained', 'false', '-p:PublishReadyToRun=true', '--output', $out, '--nologo',
        '--verbosity', 'quiet', '-consoleLoggerParameters:NoSummary') -stdoutToStderr
    if ($status -ne 0) {
        Remove-Item -LiteralPath $started -Force
        exit $status
    }
    Move-Item -LiteralPath $started -Destination $stamp -Force
}

# The host inherits stdin, stdout and stderr, and runs where the caller is.
exit (Invoke-Dotnet (Get-Location).ProviderPath (@($hostDll) + (Get-CallerArgument $args)))
