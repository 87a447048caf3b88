using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

[Collection(RigTests.Name)]
public sealed class HostKeyAndKeyFileTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task Accept_new_records_the_host_key_and_a_private_key_file_path_authenticates()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("accept-new"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var knownHosts = Path.Combine(Path.GetTempPath(), $"infosync-known-hosts-{Guid.NewGuid():N}", "known_hosts");
        var variables = fixture.Rig.DeployVariables();
        variables.Remove("SSH_PASSWORD");
        variables["SSH_PRIVATE_KEY"] = fixture.Rig["RIG_SSH_PRIVATE_KEY"];
        variables["SSH_KNOWN_HOSTS"] = knownHosts;
        variables["SSH_STRICT_HOST_KEY_CHECKING"] = "accept-new";

        var first = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");
        variables["SSH_STRICT_HOST_KEY_CHECKING"] = "yes";
        var second = await BuildScript.RunAsync(variables, "--target=StatusDev");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Trusting the new host key of [127.0.0.1]:2222", first.Output, StringComparison.Ordinal);
        Assert.StartsWith("[127.0.0.1]:2222 ", await File.ReadAllTextAsync(knownHosts), StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("dev", tag));
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.DoesNotContain("Trusting", second.Output, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(knownHosts)!, recursive: true);
    }

    [Fact]
    public async Task Key_text_pasted_with_crlf_line_ends_authenticates()
    {
        var mark = RigSsh.LogMark(fixture.Rig);
        var variables = fixture.Rig.DeployVariables();
        variables.Remove("SSH_PASSWORD");
        variables["SSH_PRIVATE_KEY"] = (await File.ReadAllTextAsync(fixture.Rig["RIG_SSH_PRIVATE_KEY"])).ReplaceLineEndings("\r\n");

        var run = await BuildScript.RunAsync(variables, "--target=StatusDev");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Single(RigSsh.LoginsSince(fixture.Rig, mark), l => l.StartsWith("Accepted publickey for deployer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mixed_case_host_name_matches_hashed_known_hosts_under_yes_and_is_not_new_under_accept_new()
    {
        // ssh-keyscan -H hashes the lowercase name, as ssh does; the setting spells it otherwise.
        var scan = await ProcessRun.StartAsync("ssh-keyscan", ["-H", "-p", fixture.Rig["SSH_PORT"], "-t", "ed25519,ecdsa,rsa", "localhost"]);
        var hashed = scan.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("|1|", StringComparison.Ordinal)).ToList();
        Assert.True(hashed.Count == 3, scan.Output);
        var otherKey = (await File.ReadAllTextAsync(fixture.Rig["RIG_SSH_PRIVATE_KEY"] + ".pub")).Split(' ')[..2];
        var directory = Directory.CreateTempSubdirectory("infosync-hashed-").FullName;
        var (pinned, wrong) = (Path.Combine(directory, "pinned"), Path.Combine(directory, "wrong"));
        await File.WriteAllLinesAsync(pinned, hashed);
        await File.WriteAllLinesAsync(wrong, hashed.Select(l => $"{l.Split(' ')[0]} {string.Join(' ', otherKey)}"));
        var wrongBefore = await File.ReadAllBytesAsync(wrong);
        var variables = fixture.Rig.DeployVariables();
        variables["SSH_HOST"] = "LocalHost";

        variables["SSH_KNOWN_HOSTS"] = pinned;
        var strict = await BuildScript.RunAsync(variables, "--target=StatusDev");
        variables["SSH_KNOWN_HOSTS"] = wrong;
        variables["SSH_STRICT_HOST_KEY_CHECKING"] = "accept-new";
        var acceptNew = await BuildScript.RunAsync(variables, "--target=StatusDev");

        Assert.True(strict.ExitCode == 0, strict.Output);
        Assert.NotEqual(0, acceptNew.ExitCode);
        Assert.Contains("The host key of [localhost]:2222 has CHANGED", acceptNew.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Trusting", acceptNew.Output, StringComparison.Ordinal);
        Assert.Equal(wrongBefore, await File.ReadAllBytesAsync(wrong));
        Directory.Delete(directory, recursive: true);
    }
}
