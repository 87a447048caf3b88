using System.Text.RegularExpressions;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>A plan is the same flow over a host that prints what changes and a gate that describes the wait.</summary>
public sealed partial class DeployFlowPlanTests
{
    private readonly StandardDeploy deploy = new();

    [Fact]
    public async Task A_plan_reads_the_server_for_real_prints_each_change_as_a_numbered_step_and_changes_nothing()
    {
        var reader = deploy.Server.Connect("reader");
        deploy.Gate = new PlannedHealthGate(deploy.Target.Health, deploy.Log);

        var result = await deploy.DeployAsync("v2", new PlanRemoteHost("first", reader, deploy.Log));

        Assert.All(reader.Sent, command => Assert.True(command.ReadOnly, command.Step));
        Assert.Equal(["detect", "probe", "read .env", "read compose.yaml", "containers web", "inspect",
            "digests REPO:v1", "digests REPO:v2", "image id REPO:v2", "history"], reader.Steps);
        var steps = PlanSteps();
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(step => step.Number));
        Assert.Collection(steps,
            step => Assert.StartsWith("start the lock's keeper", step.Text, StringComparison.Ordinal),
            step => Assert.StartsWith("take the deploy lock ", step.Text, StringComparison.Ordinal),
            step => Assert.StartsWith($"docker tag {StandardDeploy.V1Id} {StandardDeploy.Repo}:infosync-previous-dev-web", step.Text, StringComparison.Ordinal),
            step => Assert.StartsWith("docker login registry.test", step.Text, StringComparison.Ordinal),
            step => Assert.Equal($"docker pull {StandardDeploy.Repo}:v2", step.Text),
            step => Assert.Equal("sync", step.Text),
            step => Assert.StartsWith($"write {StandardDeploy.ComposePath} if it still holds what was read", step.Text, StringComparison.Ordinal),
            step => Assert.StartsWith($"in {StandardDeploy.Directory}: docker compose up --detach --no-deps web", step.Text, StringComparison.Ordinal),
            step => Assert.StartsWith($"record the succeeded deploy of {StandardDeploy.Repo}:v2", step.Text, StringComparison.Ordinal),
            step => Assert.StartsWith("release the deploy lock", step.Text, StringComparison.Ordinal));
        Assert.Contains("[plan] first: wait up to 60 s for web to be healthy", deploy.Screen.Lines);
        Assert.Equal((StandardDeploy.Repo + ":v1", StandardDeploy.Repo + ":v2"), (result.Changes[0].OldReference, result.Changes[0].NewReference));
        Assert.Equal(StandardDeploy.Compose, deploy.Server.Files[StandardDeploy.ComposePath]);
        Assert.Empty(deploy.Server.History);
    }

    [Fact]
    public async Task A_plan_without_the_server_prints_the_pull_says_what_could_not_be_read_and_recreates_nothing()
    {
        deploy.Gate = new PlannedHealthGate(deploy.Target.Health, deploy.Log);

        var result = await deploy.DeployAsync("v2", new PlanRemoteHost("first", null, deploy.Log));

        var steps = PlanSteps().Select(step => step.Text).ToList();
        Assert.Contains($"docker pull {StandardDeploy.Repo}:v2", steps);
        Assert.DoesNotContain(steps, step => step.Contains(" up ", StringComparison.Ordinal));
        Assert.Contains(deploy.Screen.Lines, line => line.StartsWith("The server could not be read", StringComparison.Ordinal));
        Assert.Empty(result.Changes);
    }

    // The plan's one-line steps, "[plan] first: N. TEXT", in the order printed.
    private List<(int Number, string Text)> PlanSteps() =>
    [
        .. deploy.Screen.Lines.Select(line => PlanStep().Match(line)).Where(match => match.Success)
            .Select(match => (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value.TrimEnd())),
    ];

    [GeneratedRegex(@"^\[plan\] first: (\d+)\. ([^\n]*?)(?:   \(held open while the deploy runs\))?$")]
    private static partial Regex PlanStep();
}
