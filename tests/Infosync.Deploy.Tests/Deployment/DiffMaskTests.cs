using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class DiffMaskTests
{
    [Theory]
    [InlineData("      DB_PASSWORD: s3cret", "      DB_PASSWORD: ***")]
    [InlineData("      - API_TOKEN=abc123", "      - API_TOKEN=***")]
    [InlineData("    environment:", "    environment:")]
    [InlineData("    ports:", "    ports:")]
    [InlineData("      - \"127.0.0.1:8080:80\"", "      - ***")]
    [InlineData("    \"quoted key\": 'value'", "    \"quoted key\": ***")]
    [InlineData("  # the password is hunter2", "  ***")]
    [InlineData("    restart: unless-stopped # why", "    restart: ***")]
    [InlineData("        inline block text", "        ***")]
    [InlineData("", "")]
    public void Compose_context_lines_keep_their_keys_and_hide_their_values(string line, string shown) =>
        Assert.Equal(shown, DiffMask.ComposeContext(line));

    [Theory]
    [InlineData("    image: harbor/p/n:v2", "    image: harbor/p/n:v2")]
    [InlineData("    image: \"harbor/p/n:v2\"  # pinned", "    image: \"harbor/p/n:v2\"  # pinned")]
    [InlineData("  - image: harbor/p/n:v2", "  - image: harbor/p/n:v2")]
    [InlineData("  web: {image: harbor/p/n:v2, environment: {DB_PASSWORD: s3cret}}", "  web: ***   (its image changes; the rest is not shown)")]
    public void A_changed_compose_line_is_shown_only_when_it_holds_nothing_but_the_image(string line, string shown) =>
        Assert.Equal(shown, DiffMask.ComposeChanged(line));

    [Theory]
    [InlineData("DB_PASSWORD=s3cret", "DB_PASSWORD=***")]
    [InlineData("export API_TOKEN = 'abc'", "export API_TOKEN =***")]
    [InlineData("# old password: hunter2", "***")]
    [InlineData("not an assignment", "***")]
    public void Env_context_lines_keep_their_keys_and_hide_their_values(string line, string shown) =>
        Assert.Equal(shown, DiffMask.EnvContext(line));

    [Fact]
    public void An_env_diff_that_adds_a_variable_masks_every_other_line()
    {
        const string before = "DB_PASSWORD=s3cret\nOTHER=x-secret\n";
        const string after = "DB_PASSWORD=s3cret\nOTHER=x-secret\nTAG=v2\n";
        var variables = new HashSet<string> { "TAG" };

        var diff = UnifiedDiff.Of(".env", before, after, DiffMask.EnvContext, line => DiffMask.IsAssignmentOf(line, variables) ? line : DiffMask.EnvContext(line));

        Assert.Contains("+TAG=v2\n", diff, StringComparison.Ordinal);
        Assert.Contains(" OTHER=***\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compose_diff_shows_the_image_change_and_hides_the_neighbouring_values()
    {
        const string before = "services:\n  web:\n    environment:\n      DB_PASSWORD: s3cret\n    image: r/p/n:v1\n    command: --token=abc-secret\n";
        var after = before.Replace("v1", "v2", StringComparison.Ordinal);

        var diff = UnifiedDiff.Of("docker-compose.yml", before, after, DiffMask.ComposeContext, DiffMask.ComposeChanged);

        Assert.Contains("-    image: r/p/n:v1\n+    image: r/p/n:v2\n", diff, StringComparison.Ordinal);
        Assert.Contains("       DB_PASSWORD: ***\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", diff, StringComparison.Ordinal);
    }
}
