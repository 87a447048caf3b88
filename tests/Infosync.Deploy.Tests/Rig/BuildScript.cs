namespace Infosync.Deploy.Tests.Rig;

/// <summary>Runs ./build.sh the way CI does, with only the given settings in its environment.</summary>
public static class BuildScript
{
    public static Task<ProcessRun> RunAsync(IReadOnlyDictionary<string, string> variables, params string[] arguments) =>
        ProcessRun.StartAsync(Path.Combine(Rig.RepositoryRoot, "build.sh"), arguments, variables, TimeSpan.FromMinutes(5));

    public static Task<ProcessRun> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);
}
