using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>
/// A value from the server's <c>.env</c> that comes back in the server's own error text reaches no output: not the
/// log, not the failure's message, not the history on the server.
/// </summary>
public sealed class DeployFlowSecretTests
{
    private const string Echo = $"Error: invalid interpolation in DB_PASSWORD={StandardDeploy.Secret}";

    private readonly StandardDeploy deploy = new();

    [Theory]
    [InlineData("pull fails")]
    [InlineData("write fails")]
    [InlineData("up fails")]
    [InlineData("unhealthy")]
    [InlineData("restore fails")]
    [InlineData("previous version unhealthy too")]
    [InlineData("connection lost")]
    [InlineData("reconnecting fails")]
    public async Task A_secret_the_server_echoes_in_a_failure_is_redacted_everywhere(string failure)
    {
        var second = deploy.Server.Connect("second");
        deploy.Reconnect = () => Task.FromResult<IRemoteHost>(second);
        _ = failure switch
        {
            "pull fails" => deploy.Host.Answer("pull", 1, error: Echo),
            "write fails" => deploy.Host.Answer("write", 1, error: Echo),
            "up fails" => deploy.Host.Answer("up web", 1, error: Echo, times: 1),
            "unhealthy" => Unhealthy($"not healthy: web logged {Echo}"),
            "previous version unhealthy too" => Unhealthy("not healthy: web exited", $"not healthy: web logged {Echo}"),
            "restore fails" => deploy.Host.Answer("up web", 1, error: "exit 1", times: 1).Answer("restore", 1, error: Echo),
            "connection lost" => deploy.Host.DropOn("up web", message: Echo),
            _ => deploy.Host.DropOn("up web", message: "connection lost").With(() => deploy.Reconnect = () => throw new RemoteHostException(Echo)),
        };

        var thrown = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.DoesNotContain(StandardDeploy.Secret, thrown.Message, StringComparison.Ordinal);
        Assert.All(deploy.Screen.Lines, line => Assert.DoesNotContain(StandardDeploy.Secret, line, StringComparison.Ordinal));
        Assert.All(deploy.Server.HistoryLines, line => Assert.DoesNotContain(StandardDeploy.Secret, line, StringComparison.Ordinal));
        Assert.Contains(Secret.Redacted, thrown.Message, StringComparison.Ordinal);
    }

    private FlowHost Unhealthy(params string[] verdicts)
    {
        deploy.Gate = new ScriptedGate(verdicts);
        return deploy.Host;
    }
}
