using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// The three-node swarm rig the Swarm deploys will run on (tests/rig/swarm-up.sh): it comes up on this machine, its
/// manager is a server the rig's user reaches over SSH, and swarm-down.sh leaves no namespace, link or rule behind.
/// </summary>
[Collection(RigTests.Name)]
public sealed class SwarmRigTests(RigFixture fixture)
{
    [Fact]
    public async Task The_swarm_rig_has_three_ready_nodes_behind_an_ssh_manager_and_leaves_nothing_behind()
    {
        var swarm = await SwarmRig.UpAsync();
        try
        {
            var nodes = await ProcessRun.StartAsync("ssh", ["-i", fixture.Rig["RIG_SSH_PRIVATE_KEY"], "-o", "BatchMode=yes",
                "-o", $"UserKnownHostsFile={swarm["RIG_SWARM_KNOWN_HOSTS"]}", "-o", "StrictHostKeyChecking=yes", "-p", swarm["RIG_SWARM_SSH_PORT"],
                $"{fixture.Rig["SSH_USERNAME"]}@{swarm["RIG_SWARM_MANAGER_HOST"]}", "docker node ls --format '{{.Hostname}} {{.Status}} {{.ManagerStatus}}'"]);

            Assert.True(nodes.ExitCode == 0, nodes.Output);
            Assert.Equal(["infosync-sw1 Ready Leader", "infosync-sw2 Ready ", "infosync-sw3 Ready "],
                nodes.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        }
        finally
        {
            await SwarmRig.DownAsync();
        }

        Assert.DoesNotContain("infosync-sw", (await ProcessRun.StartAsync("ip", ["netns", "list"])).Output, StringComparison.Ordinal);
        var links = (await ProcessRun.StartAsync("ip", ["-o", "link"])).Output;
        Assert.DoesNotContain("infosync-sw0", links, StringComparison.Ordinal);
        Assert.DoesNotContain("issw", links, StringComparison.Ordinal);
        Assert.DoesNotContain("infosync-sw0", (await ProcessRun.StartAsync("iptables", ["-S", "DOCKER-USER"])).Output, StringComparison.Ordinal);
        Assert.False(File.Exists("/var/lib/infosync-rig/swarm.env"));
    }
}
