using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

/// <summary>
/// Neither password nor the private key appears in output at any verbosity, in the server's process list while a
/// deploy runs, in the history, the deploy directory, shell history, or any file the tool writes.
/// The passwords of the rig hold spaces, quotes, `$(...)`, `;`, `&amp;` and `|`.
/// </summary>
[Collection(RigTests.Name)]
public sealed class SecretTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    public static TheoryData<string, string> TasksAndVerbosities()
    {
        var data = new TheoryData<string, string>();
        foreach (var task in new[] { "BuildImage", "PushImage", "DeployDev", "RollbackDev", "StatusDev", "UnlockDev" })
        {
            foreach (var verbosity in new[] { "quiet", "minimal", "normal", "verbose", "diagnostic" })
            {
                data.Add(task, verbosity);
            }
        }

        return data;
    }

    public static TheoryData<string> Verbosities() => ["quiet", "minimal", "normal", "verbose", "diagnostic"];

    [Theory]
    [MemberData(nameof(TasksAndVerbosities))]
    public async Task Plans_of_every_task_at_every_verbosity_show_no_secret(string task, string verbosity)
    {
        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), $"--target={task}", "--dry-run",
            $"--image-tag={RigProbe.Tag("base")}", $"--verbosity={verbosity}");

        Assert.True(run.ExitCode == 0, run.Output);
        AssertNoSecret(run.Output);
    }

    [Theory]
    [MemberData(nameof(Verbosities))]
    public async Task A_real_deploy_shows_no_secret_in_output_process_list_or_files(string verbosity)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("secret-" + verbosity));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var sampler = ProcessListSampler.Start();

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}", $"--verbosity={verbosity}");
        var processes = await sampler.StopAsync();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(sampler.Samples > 10, $"only {sampler.Samples} samples of the process list");
        AssertNoSecret(run.Output);
        // The lock's keeper lives on the server for the whole deploy: seeing it proves the sampler watched the deploy.
        Assert.Contains(processes, p => p.Contains("infosync-deploy-lock-", StringComparison.Ordinal));
        Assert.All(processes, AssertNoSecret);
        AssertNoSecretInFiles(fixture.Rig.DeployDirectory("dev"));
        AssertNoSecretInShellHistory();
    }

    [Fact]
    public async Task Build_and_push_leave_no_credentials_and_show_no_secret()
    {
        var tempBefore = Directory.GetDirectories(Path.GetTempPath(), "infosync-docker-*");
        var dockerConfig = Path.Combine(Environment.GetEnvironmentVariable("HOME")!, ".docker", "config.json");
        var configBefore = File.Exists(dockerConfig) ? File.ReadAllText(dockerConfig) : null;
        var sampler = ProcessListSampler.Start();

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=PushImage", $"--image-tag={RigProbe.Tag("push-secret")}", "--verbosity=diagnostic");
        var processes = await sampler.StopAsync();

        Assert.True(run.ExitCode == 0, run.Output);
        AssertNoSecret(run.Output);
        Assert.All(processes, AssertNoSecret);
        Assert.Equal(tempBefore, Directory.GetDirectories(Path.GetTempPath(), "infosync-docker-*"));
        Assert.Equal(configBefore, File.Exists(dockerConfig) ? File.ReadAllText(dockerConfig) : null);
    }

    [Theory]
    [InlineData("SSH_PASSWORD", "wrong ssh password")]
    [InlineData("HARBOR_PASSWORD", "wrong harbor password")]
    public async Task Failures_show_no_secret(string variable, string wrongValue)
    {
        await fixture.ResetAsync("dev", RigProbe.Tag("base"));
        var variables = fixture.Rig.DeployVariables();
        variables[variable] = wrongValue + " $(id) 'q'";

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={RigProbe.Tag("base")}", "--verbosity=diagnostic");

        Assert.NotEqual(0, run.ExitCode);
        AssertNoSecret(run.Output);
        Assert.DoesNotContain(wrongValue, run.Output, StringComparison.Ordinal);
        AssertNoSecretInFiles(fixture.Rig.DeployDirectory("dev"));
    }

    [Fact]
    public async Task A_private_key_given_as_text_never_shows()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("key-auth"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var key = await File.ReadAllTextAsync(fixture.Rig["RIG_SSH_PRIVATE_KEY"]);
        var keyBody = key.Split('\n')[1];
        var variables = fixture.Rig.DeployVariables();
        variables.Remove("SSH_PASSWORD");
        variables["SSH_PRIVATE_KEY"] = key;
        var sampler = ProcessListSampler.Start();

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}", "--verbosity=diagnostic");
        var processes = await sampler.StopAsync();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain(keyBody, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(processes, p => p.Contains(keyBody, StringComparison.Ordinal));
        Assert.DoesNotContain(keyBody, string.Join('\n', Directory.EnumerateFiles(fixture.Rig.DeployDirectory("dev"), "*", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_encrypted_keys_passphrase_never_shows_and_the_key_authenticates()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("passphrase"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var passphrase = fixture.Rig["RIG_SSH_PRIVATE_KEY_PASSPHRASE"];
        var variables = fixture.Rig.DeployVariables();
        variables.Remove("SSH_PASSWORD");
        variables["SSH_PRIVATE_KEY"] = await File.ReadAllTextAsync(fixture.Rig["RIG_SSH_PRIVATE_KEY_ENCRYPTED"]);
        variables["SSH_PRIVATE_KEY_PASSPHRASE"] = passphrase;
        var mark = RigSsh.LogMark(fixture.Rig);
        var sampler = ProcessListSampler.Start();

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}", "--verbosity=diagnostic");
        var processes = await sampler.StopAsync();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag));
        Assert.Single(RigSsh.LoginsSince(fixture.Rig, mark), l => l.StartsWith("Accepted publickey for deployer", StringComparison.Ordinal));
        Assert.DoesNotContain(passphrase, run.Output, StringComparison.Ordinal);
        Assert.Contains(processes, p => p.Contains("infosync-deploy-lock-", StringComparison.Ordinal));
        Assert.DoesNotContain(processes, p => p.Contains(passphrase, StringComparison.Ordinal));
        Assert.DoesNotContain(passphrase, string.Join('\n', Directory.EnumerateFiles(fixture.Rig.DeployDirectory("dev"), "*", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    private void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(fixture.Rig.HarborPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Rig.SshPassword, text, StringComparison.Ordinal);
    }

    private void AssertNoSecretInFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            AssertNoSecret(File.ReadAllText(file));
        }
    }

    private void AssertNoSecretInShellHistory()
    {
        foreach (var history in new[] { "/home/deployer/.bash_history", "/home/deployer/.sh_history", "/root/.bash_history" })
        {
            if (File.Exists(history))
            {
                AssertNoSecret(File.ReadAllText(history));
            }
        }
    }
}
