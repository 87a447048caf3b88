using System.Diagnostics;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

[Collection(RigTests.Name)]
public sealed class SshRemoteHostTests(RigFixture fixture)
{
    [Fact]
    public async Task Commands_return_exit_status_and_output_instead_of_throwing()
    {
        await using var host = await RigSsh.ConnectAsync(fixture.Rig);

        var ok = await host.RunAsync(RemoteCommand.Read(CommandLine.For("printf").Add("%s", "a b $(id)")));
        var failed = await host.RunAsync(RemoteCommand.Read(RemoteCommand.Script("echo oops >&2; exit 7")));

        Assert.Equal((0, "a b $(id)"), (ok.ExitCode, ok.StandardOutput));
        Assert.Equal((7, "oops\n"), (failed.ExitCode, failed.StandardError));
    }

    [Fact]
    public async Task Stdin_reaches_the_command_byte_for_byte()
    {
        await using var host = await RigSsh.ConnectAsync(fixture.Rig);
        const string text = "\uFEFFline one\r\nünïcödé ✓\n";

        var echoed = await host.RunAsync(new RemoteCommand(CommandLine.For("cat"), TimeSpan.FromSeconds(10), Input: text));

        Assert.Equal(text, echoed.StandardOutput);
    }

    [Fact]
    public async Task An_attached_process_ends_when_released_and_when_the_connection_dies()
    {
        var marker = "infosync-test-keeper-" + Guid.NewGuid().ToString("N");
        var keeper = Deploy.Catalogue.LockCommands.Keeper(marker);
        await using var observer = await RigSsh.ConnectAsync(fixture.Rig);
        var host = await RigSsh.ConnectAsync(fixture.Rig);
        var released = await host.StartAttachedAsync(keeper);
        var dropped = await host.StartAttachedAsync(keeper);
        Assert.True(await IsAlive(observer, released.FirstLine, marker));

        var clock = Stopwatch.StartNew();
        await released.DisposeAsync();
        var releaseTime = clock.Elapsed;
        Assert.False(await IsAlive(observer, released.FirstLine, marker));
        Assert.True(await IsAlive(observer, dropped.FirstLine, marker));
        await host.DisposeAsync();

        Assert.True(await EndsWithinAsync(observer, dropped.FirstLine, marker, TimeSpan.FromSeconds(10)));
        Assert.True(releaseTime < TimeSpan.FromSeconds(5), $"releasing took {releaseTime}");
    }

    [Fact]
    public async Task An_unknown_host_key_is_refused_with_its_fingerprint_and_the_line_to_pin_it()
    {
        var settings = RigSsh.Settings(fixture.Rig, knownHostsText: "# nothing known\n");

        var error = await Assert.ThrowsAsync<RemoteHostException>(() => RigSsh.ConnectAsync(fixture.Rig, settings));

        Assert.Contains("is not known", error.Message, StringComparison.Ordinal);
        Assert.Contains("SHA256:", error.Message, StringComparison.Ordinal);
        Assert.Contains("[127.0.0.1]:2222 ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ssh-rsa")]
    [InlineData("ecdsa-sha2-nistp256")]
    [InlineData("ssh-ed25519")]
    public async Task A_server_whose_only_pinned_key_is_of_one_type_is_asked_for_that_type(string keyType)
    {
        var line = File.ReadLines(fixture.Rig["SSH_KNOWN_HOSTS"]).Single(l => l.Split(' ')[1] == keyType);
        var settings = RigSsh.Settings(fixture.Rig, knownHostsText: line + "\n");

        await using var host = await RigSsh.ConnectAsync(fixture.Rig, settings);

        Assert.Equal(0, (await host.RunAsync(RemoteCommand.Read(CommandLine.For("true")))).ExitCode);
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_refusal()
    {
        var settings = RigSsh.Settings(fixture.Rig, password: "wrong");

        var error = await Assert.ThrowsAsync<RemoteHostException>(() => RigSsh.ConnectAsync(fixture.Rig, settings));

        Assert.Contains("wrong password or key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_fails_fast()
    {
        var settings = RigSsh.Settings(fixture.Rig, port: 1);

        var error = await Assert.ThrowsAsync<RemoteHostException>(() => RigSsh.ConnectAsync(fixture.Rig, settings));

        Assert.Contains("Cannot reach 127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    // sshd notices the closed connection asynchronously; a loaded machine may take a while.
    private static async Task<bool> EndsWithinAsync(SshRemoteHost observer, string pid, string marker, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (await IsAlive(observer, pid, marker))
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static async Task<bool> IsAlive(SshRemoteHost host, string pid, string marker)
    {
        var check = await host.RunAsync(RemoteCommand.Read(RemoteCommand.Script(
            "tr '\\000' ' ' < \"/proc/$1/cmdline\" 2>/dev/null | grep -qF -- \"$2\"", pid, marker)));
        return check.ExitCode == 0;
    }
}
