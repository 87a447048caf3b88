using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class SettingCatalogTests
{
    [Fact]
    public void The_default_catalog_knows_every_kind_of_setting_in_SettingNames()
    {
        var catalog = SettingCatalog.Default;

        Assert.Contains("image-tag", catalog.Arguments);
        Assert.Contains("lock-stale-after", catalog.Arguments);
        Assert.Contains("dry-run", catalog.Arguments);
        Assert.Contains("whatif", catalog.Arguments);
        Assert.Contains("DEFAULT_IMAGE_TAG", catalog.Variables);
        Assert.Contains("SSH_KNOWN_HOSTS", catalog.Variables);
        Assert.Contains("STAGE_LOCK_STALE_AFTER", catalog.Variables);
        Assert.Contains("LOCK_STALE_AFTER", catalog.Variables);
        Assert.Contains("PILOT_DEPLOY_DIR", catalog.Variables);
        Assert.Equal(catalog.Arguments.Count, catalog.Arguments.Distinct().Count());
    }

    [Fact]
    public void A_new_field_property_or_per_environment_method_is_known_with_no_other_edit()
    {
        var catalog = SettingCatalog.Of(typeof(NewNames), ["go-slow"]);

        Assert.Equal(["proxy-jump", "rollback-tag", "compose-file", "key-passphrase", "go-slow"], catalog.Arguments);
        Assert.Equal(["SSH_PROXY_JUMP", "ROLLBACK_TAG", "COMPOSE_FILE", "DEV_KEY_PASSPHRASE", "KEY_PASSPHRASE",
            "PILOT_KEY_PASSPHRASE", "STAGE_KEY_PASSPHRASE"], catalog.Variables);
        Assert.Equal([1, 1, 1, 3], catalog.Declarations.Select(d => d.Count));
        Assert.Equal(["go-slow"], catalog.Switches);
    }

    [Fact]
    public void A_setting_method_that_does_not_take_one_environment_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SettingCatalog.Of(typeof(WrongNames), []));

        Assert.Contains("WrongNames.Twice", error.Message, StringComparison.Ordinal);
    }

    private static class NewNames
    {
        public static readonly SettingName ProxyJump = new("proxy-jump", ["SSH_PROXY_JUMP"]);

        public static readonly SettingName RollbackTag = new("rollback-tag", ["ROLLBACK_TAG"]);

        public static SettingName ComposeFile { get; } = new("compose-file", ["COMPOSE_FILE"]);

        public static SettingName KeyPassphrase(DeployEnvironment environment) =>
            new("key-passphrase", [$"{environment.VariablePrefix}_KEY_PASSPHRASE", "KEY_PASSPHRASE"]);
    }

    private static class WrongNames
    {
        public static SettingName Twice(DeployEnvironment first, DeployEnvironment second) =>
            new("twice", [first.VariablePrefix, second.VariablePrefix]);
    }
}
