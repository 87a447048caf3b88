using System.Security.Cryptography;
using System.Text;
using Infosync.Deploy.Remote;
using Xunit;

namespace Infosync.Deploy.Tests.Remote;

public sealed class KnownHostsTests
{
    private static readonly byte[] Key = Blob("ssh-ed25519", 1);
    private static readonly byte[] OtherKey = Blob("ssh-ed25519", 2);
    private static readonly byte[] RsaKey = Blob("ssh-rsa", 3);

    [Fact]
    public void A_listed_key_on_a_custom_port_is_known()
    {
        var known = KnownHosts.Parse(KnownHosts.Line("127.0.0.1", 2222, Key));

        Assert.Equal(HostKeyStatus.Known, known.Check("127.0.0.1", 2222, Key));
        Assert.Equal(HostKeyStatus.Unknown, known.Check("127.0.0.1", 22, Key));
    }

    [Fact]
    public void Any_other_key_of_a_pinned_host_is_a_change_whatever_its_type_as_in_openssh()
    {
        var known = KnownHosts.Parse($"server.example.com ssh-ed25519 {Convert.ToBase64String(Key)}\n");

        Assert.Equal(HostKeyStatus.Changed, known.Check("server.example.com", 22, OtherKey));
        Assert.Equal(HostKeyStatus.Changed, known.Check("server.example.com", 22, RsaKey));
        Assert.Equal(HostKeyStatus.Unknown, known.Check("other.example.com", 22, RsaKey));
    }

    [Fact]
    public void Host_names_are_lowercased_before_they_are_hashed_and_matched()
    {
        var known = KnownHosts.Parse($"{Hashed("server.example.com")} ssh-ed25519 {Convert.ToBase64String(Key)}");

        Assert.Equal(HostKeyStatus.Known, known.Check("Server.Example.COM", 22, Key));
        Assert.Equal("[server.example.com]:2200", KnownHosts.HostName("SERVER.example.com", 2200));
    }

    [Fact]
    public void A_key_pinned_without_a_port_also_vouches_for_other_ports_but_a_different_key_is_new_there()
    {
        var known = KnownHosts.Parse($"server.example.com ssh-ed25519 {Convert.ToBase64String(Key)}");

        Assert.Equal(HostKeyStatus.Known, known.Check("server.example.com", 2200, Key));
        Assert.Equal(HostKeyStatus.Unknown, known.Check("server.example.com", 2200, OtherKey));
    }

    [Fact]
    public void Hashed_host_names_match_like_openssh()
    {
        var line = $"{Hashed("[10.0.0.5]:2200")} ssh-ed25519 {Convert.ToBase64String(Key)}";

        var known = KnownHosts.Parse("# comment\n\n" + line);

        Assert.Equal(HostKeyStatus.Known, known.Check("10.0.0.5", 2200, Key));
        Assert.Equal(HostKeyStatus.Unknown, known.Check("10.0.0.6", 2200, Key));
    }

    [Fact]
    public void Wildcards_and_negations_apply()
    {
        var known = KnownHosts.Parse($"*.example.com,!bad.example.com ssh-ed25519 {Convert.ToBase64String(Key)}");

        Assert.Equal(HostKeyStatus.Known, known.Check("web.example.com", 22, Key));
        Assert.Equal(HostKeyStatus.Unknown, known.Check("bad.example.com", 22, Key));
    }

    [Fact]
    public void A_revoked_key_is_refused_even_when_also_listed()
    {
        var base64 = Convert.ToBase64String(Key);
        var known = KnownHosts.Parse($"host ssh-ed25519 {base64}\n@revoked host ssh-ed25519 {base64}");

        Assert.Equal(HostKeyStatus.Revoked, known.Check("host", 22, Key));
    }

    [Fact]
    public void Fingerprint_is_openssh_sha256_without_padding()
    {
        var fingerprint = KnownHosts.Fingerprint(Key);

        Assert.StartsWith("SHA256:", fingerprint, StringComparison.Ordinal);
        Assert.Equal(43, fingerprint.Length - "SHA256:".Length);
        Assert.Equal("ssh-ed25519", KnownHosts.KeyType(Key));
    }

    [Fact]
    public void Cert_authority_lines_are_neither_pins_nor_skipped()
    {
        var known = KnownHosts.Parse($"@cert-authority *.example.com ssh-ed25519 {Convert.ToBase64String(Key)}");

        Assert.True(known.HasCertificateAuthority("web.example.com", 22));
        Assert.True(known.TrustsAuthority("web.example.com", 2222, Key));
        Assert.False(known.TrustsAuthority("web.example.org", 22, Key));
        Assert.Empty(known.KeyTypesFor("web.example.com", 22));
        Assert.Equal(HostKeyStatus.Unknown, known.Check("web.example.com", 22, Key));
    }

    public static string Hashed(string name)
    {
        var salt = RandomNumberGenerator.GetBytes(20);
#pragma warning disable CA5350 // known_hosts hashing is HMAC-SHA1 by definition.
        var hash = HMACSHA1.HashData(salt, Encoding.ASCII.GetBytes(name));
#pragma warning restore CA5350
        return $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)}";
    }

    public static byte[] Blob(string type, byte seed)
    {
        var name = Encoding.ASCII.GetBytes(type);
        return [0, 0, 0, (byte)name.Length, .. name, 0, 0, 0, 32, .. Enumerable.Repeat(seed, 32)];
    }
}
