using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// Connections through jump hosts on the rig's namespace: the target sshd listens only on the namespace's loopback,
/// so a command that runs there went through the jump host's channel.
/// </summary>
[Collection(RigTests.Name)]
public sealed class JumpHostConnectionTests(RigFixture fixture)
{
    private const string TargetLog = "RIG_JUMP_TARGET_SSHD_LOG";
    private const string JumpLog = "RIG_JUMP_SSHD_LOG";

    [Fact]
    public async Task The_target_is_reached_only_through_the_jump_host()
    {
        var jump = await fixture.JumpAsync();
        var (targetMark, jumpMark) = (jump.LogMark(TargetLog), jump.LogMark(JumpLog));

        await using (var host = await RigSsh.ConnectAsync(fixture.Rig, jump.Settings()))
        {
            var result = await host.RunAsync(RemoteCommand.Read(CommandLine.For("docker").Add("version", "--format", "{{.Server.Version}}")));
            Assert.True(result.Succeeded, result.StandardError);
        }

        var direct = await Assert.ThrowsAsync<RemoteHostException>(
            () => RigSsh.ConnectAsync(fixture.Rig, jump.Settings() with { ProxyJump = null }));

        Assert.Equal($"Cannot reach {jump.TargetHost}:{jump.TargetPort}: Connection refused.", direct.Message);
        Assert.Single(jump.LoginsSince(JumpLog, jumpMark), l => l.Contains($" from {jump["RIG_JUMP_SOURCE_ADDRESS"]} ", StringComparison.Ordinal));
        Assert.Single(jump.LoginsSince(TargetLog, targetMark), l => l.Contains(" from 127.0.0.1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chain_of_two_jump_hosts_is_followed_hop_by_hop()
    {
        var jump = await fixture.JumpAsync();
        var first = new SshHop(fixture.Rig["SSH_USERNAME"], fixture.Rig["SSH_HOST"], int.Parse(fixture.Rig["SSH_PORT"], System.Globalization.CultureInfo.InvariantCulture));
        var (rigMark, jumpMark, targetMark) = (RigSsh.LogMark(fixture.Rig), jump.LogMark(JumpLog), jump.LogMark(TargetLog));

        await using (var host = await RigSsh.ConnectAsync(fixture.Rig, jump.Settings([first, jump.Jump])))
        {
            Assert.Equal(0, (await host.RunAsync(RemoteCommand.Read(CommandLine.For("true")))).ExitCode);
        }

        Assert.Single(RigSsh.LoginsSince(fixture.Rig, rigMark));
        Assert.Single(jump.LoginsSince(JumpLog, jumpMark));
        Assert.Single(jump.LoginsSince(TargetLog, targetMark));
    }

    [Fact]
    public async Task An_unknown_jump_host_key_is_refused_before_the_target_is_tried()
    {
        var jump = await fixture.JumpAsync();
        var targetOnly = File.ReadLines(jump.KnownHosts).Where(l => !l.StartsWith(jump.JumpHost + " ", StringComparison.Ordinal));
        var settings = jump.Settings() with { KnownHosts = new KnownHostsSource(null, string.Join('\n', targetOnly)) };
        var targetMark = jump.LogMark(TargetLog);

        var error = await Assert.ThrowsAsync<RemoteHostException>(() => RigSsh.ConnectAsync(fixture.Rig, settings));

        Assert.StartsWith($"The host key of {jump.JumpHost} is not known (ssh-ed25519 SHA256:", error.Message, StringComparison.Ordinal);
        Assert.Empty(File.ReadLines(jump[TargetLog]).Skip(targetMark));
    }

    [Fact]
    public async Task Accept_new_records_the_jump_host_and_the_target_under_their_own_names()
    {
        var jump = await fixture.JumpAsync();
        var knownHosts = Path.Combine(Path.GetTempPath(), $"infosync-jump-known-{Guid.NewGuid():N}");
        var settings = jump.Settings() with { KnownHosts = new KnownHostsSource(knownHosts, null), HostKeyPolicy = HostKeyPolicy.AcceptNew };

        await using (var host = await SshRemoteHost.ConnectAsync(settings, new HostKeyVerifier(settings.KnownHosts, settings.HostKeyPolicy, true, new NullLog())))
        {
            Assert.Equal(0, (await host.RunAsync(RemoteCommand.Read(CommandLine.For("true")))).ExitCode);
        }

        var recorded = File.ReadAllLines(knownHosts);
        File.Delete(knownHosts);
        Assert.Equal([$"{jump.JumpHost} {jump["RIG_JUMP_HOST_KEY"]}", $"[{jump.TargetHost}]:{jump.TargetPort} {jump["RIG_JUMP_TARGET_HOST_KEY"]}"], recorded);
    }

    [Fact]
    public async Task The_jump_host_logs_in_with_its_own_password_when_one_is_given()
    {
        var jump = await fixture.JumpAsync();
        var settings = jump.Settings(jumpPassword: new Secret("not the jump password")) with { Password = new Secret(fixture.Rig.SshPassword) };

        var error = await Assert.ThrowsAsync<RemoteHostException>(() => RigSsh.ConnectAsync(fixture.Rig, settings));

        Assert.Equal($"SSH login to {jump.JumpHost}:{jump.JumpPort} as deployer was refused: wrong password or key.", error.Message);
    }

    [Fact]
    public async Task A_target_the_jump_host_cannot_reach_is_named_in_one_line()
    {
        var jump = await fixture.JumpAsync();

        var error = await Assert.ThrowsAsync<RemoteHostException>(() => RigSsh.ConnectAsync(fixture.Rig, jump.Settings(targetPort: 2399)));

        Assert.StartsWith($"Cannot reach {jump.TargetHost}:2399 through jump host deployer@{jump.JumpHost}:{jump.JumpPort}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task An_attached_process_on_the_target_ends_when_the_route_closes()
    {
        var jump = await fixture.JumpAsync();
        var marker = "infosync-test-keeper-" + Guid.NewGuid().ToString("N");
        var host = await RigSsh.ConnectAsync(fixture.Rig, jump.Settings());
        var keeper = await host.StartAttachedAsync(Deploy.Catalogue.LockCommands.Keeper(marker));
        Assert.True(IsAlive(keeper.FirstLine, marker));

        await host.DisposeAsync();

        Assert.True(await EndsAsync(keeper.FirstLine, marker), "the keeper outlived its connection");
    }

    // The namespace shares this machine's process table, so the target's processes are visible here.
    private static bool IsAlive(string pid, string marker) =>
        File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains(marker, StringComparison.Ordinal);

    private static async Task<bool> EndsAsync(string pid, string marker)
    {
        for (var i = 0; i < 200 && IsAlive(pid, marker); i++)
        {
            await Task.Delay(50);
        }

        return !IsAlive(pid, marker);
    }
}
