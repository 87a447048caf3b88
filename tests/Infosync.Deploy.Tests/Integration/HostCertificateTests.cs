using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// known_hosts that trusts a CA instead of pinning keys, against real servers: the jump-host rig's jump sshd holds a
/// host certificate signed by the rig's host CA; the rig's own sshd holds none.
/// </summary>
[Collection(RigTests.Name)]
public sealed class HostCertificateTests(RigFixture fixture)
{
    [Fact]
    public async Task A_host_certificate_signed_by_a_trusted_ca_is_accepted_without_a_pinned_key()
    {
        var jump = await fixture.JumpAsync();
        var settings = Direct(jump, $"@cert-authority {jump.JumpHost} {jump["RIG_JUMP_HOST_CA"]}\n", HostKeyPolicy.Strict);

        await using var host = await RigSsh.ConnectAsync(fixture.Rig, settings);

        Assert.Equal(0, (await host.RunAsync(RemoteCommand.Read(CommandLine.For("true")))).ExitCode);
    }

    [Fact]
    public async Task A_host_certificate_of_an_untrusted_ca_is_refused_in_one_line_and_accept_new_records_nothing()
    {
        var jump = await fixture.JumpAsync();
        var file = Path.Combine(Path.GetTempPath(), $"infosync-ca-known-{Guid.NewGuid():N}");
        var text = $"@cert-authority {jump.JumpHost} {jump["RIG_JUMP_OTHER_CA"]}\n";
        await File.WriteAllTextAsync(file, text);
        var settings = Direct(jump, null, HostKeyPolicy.AcceptNew) with { KnownHosts = new KnownHostsSource(file, null) };

        var error = await Assert.ThrowsAsync<RemoteHostException>(() => ConnectRecordingAsync(settings));

        Assert.StartsWith($"The host certificate of {jump.JumpHost} (ssh-ed25519 SHA256:", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not one a @cert-authority line of known_hosts trusts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(text, await File.ReadAllTextAsync(file));
        File.Delete(file);
    }

    [Fact]
    public async Task A_plain_key_from_a_host_known_only_by_its_ca_is_refused_under_accept_new()
    {
        var file = Path.Combine(Path.GetTempPath(), $"infosync-ca-known-{Guid.NewGuid():N}");
        var jump = await fixture.JumpAsync();
        var text = $"@cert-authority [{fixture.Rig["SSH_HOST"]}]:{fixture.Rig["SSH_PORT"]} {jump["RIG_JUMP_HOST_CA"]}\n";
        await File.WriteAllTextAsync(file, text);
        var settings = RigSsh.Settings(fixture.Rig, policy: HostKeyPolicy.AcceptNew) with { KnownHosts = new KnownHostsSource(file, null) };

        var error = await Assert.ThrowsAsync<RemoteHostException>(() => ConnectRecordingAsync(settings));

        Assert.StartsWith($"known_hosts trusts only host certificates for [{fixture.Rig["SSH_HOST"]}]:{fixture.Rig["SSH_PORT"]}", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllTextAsync(file));
        File.Delete(file);
    }

    private static async Task ConnectRecordingAsync(SshSettings settings)
    {
        await using var host = await SshRemoteHost.ConnectAsync(settings, new HostKeyVerifier(settings.KnownHosts, settings.HostKeyPolicy, true, new NullLog()));
    }

    private SshSettings Direct(JumpRig jump, string? knownHostsText, HostKeyPolicy policy) =>
        RigSsh.Settings(fixture.Rig, policy: policy, knownHostsText: knownHostsText) with { Host = jump.JumpHost, Port = jump.JumpPort };
}
