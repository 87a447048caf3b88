namespace Infosync.Deploy.Tests.Rig;

/// <summary>One <see cref="StandInRepository"/> per script, shared by the rig's tests, so each publishes from scratch once.</summary>
public sealed class StandInRepositories : IDisposable
{
    private readonly Dictionary<string, StandInRepository> copies = [];

    /// <summary>The script's copy, after a run of the script: published, and with a stamp newer than every input.</summary>
    public async Task<StandInRepository> UpToDateAsync(Rig rig, string script)
    {
        if (!copies.TryGetValue(script, out var copy))
        {
            copy = StandInRepository.Create();
            copies[script] = copy;
        }

        var run = await copy.RunAsync(rig, script, "ready");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} in {copy.Root} failed: {run.Output}");
        }

        return copy;
    }

    public void Dispose()
    {
        foreach (var copy in copies.Values)
        {
            copy.Dispose();
        }
    }
}
