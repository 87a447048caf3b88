using System.Diagnostics;
using Infosync.Deploy.Tests.Rig;
using Renci.SshNet;
using Xunit;
using Xunit.Abstractions;

namespace Infosync.Deploy.Tests.Integration;

[Collection(RigTests.Name)]
public sealed class TmpKexProbe(RigFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        foreach (var restrict in new[] { false, true, false, true })
        {
            var clock = Stopwatch.StartNew();
            var info = new ConnectionInfo("127.0.0.1", 2222, "deployer", new PasswordAuthenticationMethod("deployer", fixture.Rig.SshPassword));
            if (restrict)
            {
                foreach (var k in info.KeyExchangeAlgorithms.Keys.Where(k => k != "ecdh-sha2-nistp256").ToList()) info.KeyExchangeAlgorithms.Remove(k);
                foreach (var k in info.HostKeyAlgorithms.Keys.Where(k => k != "ecdsa-sha2-nistp256").ToList()) info.HostKeyAlgorithms.Remove(k);
            }

            using var client = new SshClient(info);
            string? kex = null;
            client.HostKeyReceived += (_, e) => { e.CanTrust = true; kex = e.HostKeyName; };
            client.Connect();
            var connected = clock.ElapsedMilliseconds;
            client.RunCommand("true");
            output.WriteLine($"restrict={restrict} hostkey={kex} kex={client.ConnectionInfo.CurrentKeyExchangeAlgorithm} connect={connected}ms total={clock.ElapsedMilliseconds}ms");
        }
    }
}
