using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class VariableCheckTests
{
    [Theory]
    [InlineData("DEV_SSH_HSOT", "DEV_SSH_HOST")]
    [InlineData("HARBOR_PASWORD", "HARBOR_PASSWORD")]
    [InlineData("HARBOR_USERNMAE", "HARBOR_USERNAME")]
    [InlineData("SSH_HOTS", "SSH_HOST")]
    [InlineData("PILOT_SSH_PORTT", "PILOT_SSH_PORT")]
    [InlineData("STAGE_DEPLOY_DRI", "STAGE_DEPLOY_DIR")]
    [InlineData("DEV_HEALTH_TIMOUT", "DEV_HEALTH_TIMEOUT")]
    [InlineData("SSH_PRIVATE_KYE", "SSH_PRIVATE_KEY")]
    [InlineData("dev_ssh_host", "DEV_SSH_HOST")]
    public void A_prefixed_variable_close_to_a_known_one_is_warned_about_by_name(string name, string known)
    {
        var warning = Assert.Single(VariableCheck.Warnings([name, "PATH", "HOME"], caseSensitive: true));

        Assert.Equal($"Warning: environment variable {name} is not a setting; did you mean {known}?", warning);
    }

    [Theory]
    [InlineData("DEV_SSH_HOST")]
    [InlineData("HARBOR_PASSWORD")]
    [InlineData("STAGE_LOCK_STALE_AFTER")]
    [InlineData("SSH_AUTH_SOCK")]
    [InlineData("SSH_AGENT_PID")]
    [InlineData("SSH_CLIENT")]
    [InlineData("SSH_CONNECTION")]
    [InlineData("SSH_TTY")]
    [InlineData("SSH_ASKPASS")]
    [InlineData("SSH_ASKPASS_REQUIRE")]
    [InlineData("SSH_ORIGINAL_COMMAND")]
    [InlineData("SSH_USER_AUTH")]
    [InlineData("HARBOR_URL")]
    [InlineData("HARBOR_OCI")]
    [InlineData("HARBOR_PROJECT_NAME")]
    [InlineData("DEV_URL")]
    [InlineData("STAGE_URL")]
    [InlineData("DEV_SOMETHING_ELSE")]
    [InlineData("IMAGE_NAM")]
    [InlineData("GITLAB_CI")]
    [InlineData("SSH")]
    public void Known_foreign_far_or_unprefixed_variables_are_not_warned_about(string name) =>
        Assert.Empty(VariableCheck.Warnings([name], caseSensitive: true));

    [Fact]
    public void Where_names_ignore_case_a_lower_case_setting_is_not_a_typo() =>
        Assert.Empty(VariableCheck.Warnings(["dev_ssh_host", "ssh_auth_sock"], caseSensitive: false));

    [Fact]
    public void Every_known_variable_is_silent()
    {
        var known = SettingCatalog.Default.Variables;

        Assert.Contains("PILOT_SSH_HOST", known);
        Assert.Empty(VariableCheck.Warnings(known, caseSensitive: true));
    }

    [Fact]
    public void Warnings_come_in_name_order_one_per_variable() =>
        Assert.Equal(
            ["Warning: environment variable DEV_SSH_HSOT is not a setting; did you mean DEV_SSH_HOST?",
             "Warning: environment variable HARBOR_PASWORD is not a setting; did you mean HARBOR_PASSWORD?"],
            VariableCheck.Warnings(["HARBOR_PASWORD", "DEV_SSH_HSOT"], caseSensitive: true));
}
