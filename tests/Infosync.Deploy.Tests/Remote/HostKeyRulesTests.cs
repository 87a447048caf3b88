using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Remote;

/// <summary>The host key decision as a table: known_hosts, the host's name, what it presented, the policy → the outcome.</summary>
public sealed class HostKeyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = KnownHostsTests.Blob("ssh-ed25519", 1);
    private static readonly byte[] OtherKey = KnownHostsTests.Blob("ssh-ed25519", 2);
    private static readonly byte[] RsaKey = KnownHostsTests.Blob("ssh-rsa", 3);
    private static readonly byte[] Ca = KnownHostsTests.Blob("ssh-ed25519", 9);
    private static readonly byte[] OtherCa = KnownHostsTests.Blob("ssh-ed25519", 10);

    public static TheoryData<string, string, int, string, string, string, string> Cases() => new()
    {
        // known_hosts, host, port, presented key, certificate, policy, outcome
        { "server.example.com {key}", "server.example.com", 22, "key", "", "yes", "trust" },
        { "{hashed:server.example.com} {key}", "Server.Example.com", 22, "key", "", "yes", "trust" },
        { "{hashed:server.example.com} {key}", "Server.Example.com", 22, "key", "", "accept-new", "trust" },
        { "{hashed:server.example.com} {other}", "Server.Example.com", 22, "key", "", "accept-new", "refuse:has CHANGED" },
        { "{hashed:[server.example.com]:2200} {other}", "SERVER.example.com", 2200, "key", "", "yes", "refuse:has CHANGED" },
        { "# empty", "server.example.com", 22, "key", "", "yes", "refuse:is not known" },
        { "# empty", "Server.Example.com", 22, "key", "", "accept-new", "record:server.example.com ssh-ed25519 " },
        { "# empty", "server.example.com", 22, "key", "", "no", "warn:host key checking is off" },
        { "server.example.com {other}", "server.example.com", 22, "key", "", "yes", "refuse:has CHANGED" },
        { "server.example.com {other}", "server.example.com", 22, "key", "", "no", "warn:Accepted because host key checking is off" },
        { "server.example.com {rsa}", "server.example.com", 22, "key", "", "accept-new", "refuse:lists only ssh-rsa" },
        { "server.example.com {key}", "server.example.com", 2200, "key", "", "yes", "trust" },
        { "server.example.com {key}", "server.example.com", 2200, "other", "", "accept-new", "record:[server.example.com]:2200 " },
        { "server.example.com {key}\n@revoked * {key}", "server.example.com", 22, "key", "", "no", "refuse:@revoked" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "cert", "yes", "trust" },
        { "@cert-authority *.example.com {ca}", "Server.Example.com", 2200, "key", "cert", "accept-new", "trust" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "no-principals", "yes", "trust" },
        { "@cert-authority *.example.com {otherca}", "server.example.com", 22, "key", "cert", "accept-new", "refuse:is not one a @cert-authority line" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "", "accept-new", "refuse:trusts only host certificates" },
        { "@cert-authority *.example.com {ca}\nserver.example.com {key}", "server.example.com", 22, "key", "", "yes", "trust" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "expired", "yes", "refuse:it expired at 2026-05-01 00:00:00 UTC" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "future", "yes", "refuse:not valid before" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "user", "accept-new", "refuse:not a host certificate" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "other-principal", "accept-new", "refuse:'server.example.com' is not among its principals (web.example.com)" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "critical", "yes", "refuse:critical options" },
        { "@cert-authority *.example.com {ca}", "server.example.com", 22, "key", "ssh-rsa", "yes", "refuse:SHA-1" },
        { "@cert-authority *.example.com {ca}\nserver.example.com {key}", "server.example.com", 22, "key", "expired", "yes", "warn:trusted because its key" },
        { "@cert-authority *.example.com {ca}\n@revoked * {ca}", "server.example.com", 22, "key", "cert", "no", "refuse:CA (SHA256:" },
        { "server.example.com {key}", "server.example.com", 22, "key", "cert", "yes", "trust" },
        { "# no CA", "server.example.com", 22, "key", "cert", "accept-new", "record:server.example.com ssh-ed25519 " },
        { "@cert-authority other.example.com {ca}", "server.example.com", 22, "key", "", "accept-new", "record:server.example.com " },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_decision_follows_openssh_and_never_trusts_silently(
        string knownHosts, string host, int port, string presented, string certificate, string policy, string outcome)
    {
        var known = KnownHosts.Parse(Expand(knownHosts));
        var key = presented == "key" ? Key : OtherKey;

        var decision = HostKeyRules.Decide(known, host, port, key, Certificate(certificate), Policy(policy), Now);

        var (kind, text) = outcome.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? (outcome[..colon], outcome[(colon + 1)..]) : (outcome, string.Empty);
        Assert.Equal(kind is "trust" or "warn" or "record", decision.Trust);
        Assert.Equal(kind == "record", decision.Record);
        var message = kind switch { "refuse" => decision.Rejection, "warn" or "record" => decision.Warning, _ => null };
        Assert.Equal(kind == "trust", message is null && decision.Warning is null && decision.Rejection is null);
        Assert.Contains(text, kind == "record" ? KnownHosts.Line(host, port, key) : message ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', (decision.Rejection ?? string.Empty) + decision.Warning);
    }

    private static string Expand(string text) => string.Join('\n', text.Split('\n').Select(line => line
        .Replace("{key}", Pin(Key), StringComparison.Ordinal)
        .Replace("{other}", Pin(OtherKey), StringComparison.Ordinal)
        .Replace("{rsa}", Pin(RsaKey), StringComparison.Ordinal)
        .Replace("{otherca}", Pin(OtherCa), StringComparison.Ordinal)
        .Replace("{ca}", Pin(Ca), StringComparison.Ordinal))
        .Select(line => line.Contains("{hashed:", StringComparison.Ordinal)
            ? KnownHostsTests.Hashed(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..line.IndexOf('}', StringComparison.Ordinal)]) + line[(line.IndexOf('}', StringComparison.Ordinal) + 1)..]
            : line));

    private static string Pin(byte[] key) => $"{KnownHosts.KeyType(key)} {Convert.ToBase64String(key)}";

    private static HostKeyPolicy Policy(string value) => value switch
    {
        "yes" => HostKeyPolicy.Strict,
        "accept-new" => HostKeyPolicy.AcceptNew,
        _ => HostKeyPolicy.Off,
    };

    private static HostCertificate? Certificate(string name)
    {
        var (after, before) = ((ulong)Now.AddDays(-30).ToUnixTimeSeconds(), (ulong)Now.AddDays(30).ToUnixTimeSeconds());
        var valid = new HostCertificate(true, ["server.example.com", "*.internal"], after, before, [], Ca, "ssh-ed25519");
        return name switch
        {
            "" => null,
            "cert" => valid,
            "no-principals" => valid with { Principals = [] },
            "expired" => valid with { ValidBefore = (ulong)new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() },
            "future" => valid with { ValidAfter = (ulong)Now.AddDays(1).ToUnixTimeSeconds() },
            "user" => valid with { IsHostCertificate = false },
            "other-principal" => valid with { Principals = ["web.example.com"] },
            "critical" => valid with { CriticalOptions = ["force-command"] },
            "ssh-rsa" => valid with { SignatureAlgorithm = "ssh-rsa" },
            _ => throw new ArgumentException(name),
        };
    }
}
