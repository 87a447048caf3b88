using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

/// <summary>What a run gets for every setting it does not give: the values README's table promises.</summary>
public sealed class SettingDefaultsTests : IDisposable
{
    private static readonly SettingsRequest Everything =
        new(TagNeed.Required, Build: true, Repository: true, RegistryLogin: true, [DeployEnvironment.Stage]);

    private readonly string workingDirectory = Directory.CreateTempSubdirectory("defaults-").FullName;

    public SettingDefaultsTests() => File.WriteAllText(Path.Combine(workingDirectory, "Dockerfile"), "FROM scratch\n");

    public void Dispose() => Directory.Delete(workingDirectory, recursive: true);

    // Only the settings without a default are given; every other argument and variable is absent, or empty.
    private InfosyncSettings LoadWithOnlyTheRequired(string? emptyValue)
    {
        var required = new Dictionary<string, string>
        {
            ["DEFAULT_IMAGE_TAG"] = "v1",
            ["HARBOR_HOST"] = "harbor.example.com",
            ["HARBOR_USERNAME"] = "ci",
            ["HARBOR_PASSWORD"] = "pw",
            ["SSH_HOST"] = "stage.example.com",
            ["SSH_USERNAME"] = "deployer",
            ["SSH_PASSWORD"] = "pw",
        };
        var catalog = SettingCatalog.Default;
        var arguments = emptyValue is null ? [] : catalog.Arguments
            .Where(a => !SettingNames.DryRunArguments.Contains(a))
            .ToDictionary(a => a, _ => emptyValue);
        var variables = emptyValue is null ? required : catalog.Variables
            .ToDictionary(v => v, v => required.GetValueOrDefault(v, emptyValue));
        return InfosyncSettings.Load(new DictionarySettingSource(arguments, variables), Everything, workingDirectory, "/home/ci");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_unset_or_empty_setting_takes_its_default(string? emptyValue)
    {
        var settings = LoadWithOnlyTheRequired(emptyValue);
        var target = settings.Targets[DeployEnvironment.Stage];

        Assert.Equal("harbor.example.com/infosync/infosync", settings.RequireRegistry().Repository);
        Assert.Equal(new BuildSettings(null, workingDirectory), settings.Build);
        Assert.Equal(22, target.Ssh.Port);
        Assert.Equal(TimeSpan.FromSeconds(15), target.Ssh.ConnectTimeout);
        Assert.Equal(HostKeyPolicy.Strict, target.Ssh.HostKeyPolicy);
        Assert.Equal(new KnownHostsSource("/home/ci/.ssh/known_hosts", null), target.Ssh.KnownHosts);
        Assert.Null(target.Ssh.ProxyJump);
        Assert.Equal("/usr/local/infosync-stage", target.Directory);
        Assert.Null(target.ComposeFiles);
        Assert.Equal(new HealthSettings(null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3)), target.Health);
        Assert.Equal(new LockSettings(TimeSpan.Zero, TimeSpan.FromSeconds(1800)), target.Lock);
    }
}
