using System.Runtime.InteropServices;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// Runs ./build.ps1 the way a PowerShell user on Linux does: by its shebang, with the rig's pwsh (the PowerShell .NET
/// tool, installed by up.sh) first on PATH, and otherwise the same clean environment as <see cref="BuildScript"/>.
/// </summary>
public static class PowerShellBuild
{
    public static Task<ProcessRun> RunAsync(Rig rig, IReadOnlyDictionary<string, string> variables, params string[] arguments) =>
        RunScriptAsync(rig, RepositoryScript("build.ps1"), variables, arguments);

    public static Task<ProcessRun> RunAsync(Rig rig, params string[] arguments) =>
        RunAsync(rig, new Dictionary<string, string>(), arguments);

    /// <summary>The path of the repository's own <paramref name="name"/>, build.sh or build.ps1.</summary>
    public static string RepositoryScript(string name) => Path.Combine(Rig.RepositoryRoot, name);

    /// <summary>Runs <paramref name="script"/>, build.sh or build.ps1, with pwsh on PATH; a given PATH wins.</summary>
    public static Task<ProcessRun> RunScriptAsync(
        Rig rig, string script, IReadOnlyDictionary<string, string> variables, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var environment = new Dictionary<string, string>(variables);
        environment.TryAdd("PATH", Path.GetDirectoryName(rig["RIG_PWSH"]) + ":" + Environment.GetEnvironmentVariable("PATH"));
        // The tool's pwsh is an apphost: it looks for the runtime in DOTNET_ROOT, else in a default place.
        environment.TryAdd("DOTNET_ROOT", Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? DotnetRoot);
        // No telemetry or update check: the rig's traffic stays on loopback.
        environment.TryAdd("POWERSHELL_TELEMETRY_OPTOUT", "1");
        environment.TryAdd("POWERSHELL_UPDATECHECK", "Off");
        return ProcessRun.StartAsync(script, arguments, environment, TimeSpan.FromMinutes(5));
    }

    /// <summary>
    /// How to start pwsh without dotnet on PATH, as a native PowerShell install starts: the tool's pwsh is only a shim
    /// that runs "dotnet pwsh.dll" through PATH, so this runs pwsh.dll with the dotnet the tests run on.
    /// </summary>
    public static (string Program, string[] Arguments) PwshWithoutPath(Rig rig, string script, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var store = Path.Combine(Path.GetDirectoryName(rig["RIG_PWSH"])!, ".store");
        var dll = Directory.EnumerateFiles(store, "pwsh.dll", SearchOption.AllDirectories)
            .Single(path => path.Contains("/unix/", StringComparison.Ordinal));
        return (Path.Combine(DotnetRoot, "dotnet"), [dll, "-NoProfile", "-File", script, .. arguments]);
    }

    // The runtime directory is DOTNET_ROOT/shared/Microsoft.NETCore.App/<version>/.
    private static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
}
