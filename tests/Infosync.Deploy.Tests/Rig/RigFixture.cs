using Xunit;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>Shared by every test on the rig: loads it once and builds the host once, before any test runs it.</summary>
public sealed class RigFixture : IAsyncLifetime
{
    private readonly HashSet<string> published = [];
    private Task<JumpRig>? jump;

    public Rig Rig { get; } = Rig.Load();

    /// <summary>The jump-host rig, brought up on first use and torn down when the run's rig tests end.</summary>
    public Task<JumpRig> JumpAsync() => jump ??= JumpRig.UpAsync(Rig);

    public async Task InitializeAsync()
    {
        var run = await BuildScript.RunAsync("--help");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("build.sh --help failed: " + run.Output);
        }
    }

    public async Task DisposeAsync()
    {
        if (jump is not null)
        {
            await JumpRig.DownAsync();
        }
    }

    /// <summary>Builds and pushes the example app as <paramref name="tag"/>, once per test run.</summary>
    public async Task PublishAsync(string tag)
    {
        if (published.Add(tag))
        {
            await Script("publish-app.sh", tag);
        }
    }

    /// <summary>Puts an environment back to a known state serving <paramref name="tag"/>, started by Compose of <paramref name="kind"/>.</summary>
    public async Task ResetAsync(string environment, string tag, ComposeKind kind = ComposeKind.V2)
    {
        await PublishAsync(tag);
        await ResetToPublishedAsync(environment, tag, kind);
    }

    /// <summary>The same with whatever image the registry holds as <paramref name="tag"/> (a variant a test pushed).</summary>
    public Task ResetToPublishedAsync(string environment, string tag, ComposeKind kind = ComposeKind.V2) =>
        Script("reset-env.sh", environment, tag, kind == ComposeKind.V1 ? "v1" : "v2");

    /// <summary>The same in the rolling layout: the web service behind the rig's proxy, which holds the web port.</summary>
    public async Task ResetRollingAsync(string environment, string tag)
    {
        await PublishAsync(tag);
        await Script("reset-env.sh", environment, tag, "v2", "rolling");
    }

    private static async Task Script(string name, params string[] arguments)
    {
        var run = await ProcessRun.StartAsync(Path.Combine(Rig.RepositoryRoot, "tests", "rig", name), arguments);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} {string.Join(' ', arguments)} failed: {run.Output}");
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RigTests : ICollectionFixture<RigFixture>, ICollectionFixture<StandInRepositories>
{
    public const string Name = "rig";
}
