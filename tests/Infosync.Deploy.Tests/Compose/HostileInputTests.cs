using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public sealed class HostileInputTests
{
    private const string Repository = "localhost:5443/infosync/infosync";
    private const string Service = "services:\n  app:\n    image: localhost:5443/infosync/infosync:1.0\n";

    [Fact]
    public void Alias_bomb_elsewhere_in_the_file_is_refused_without_being_expanded()
    {
        // Compose on the server would expand it and hang, so the editor refuses it, counting without expanding.
        var bomb = "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + string.Concat(Enumerable.Range(1, 9).Select(level =>
            $"x-{(char)('a' + level)}: &{(char)('a' + level)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + level - 1)}", 9))}]\n"));

        var exception = Assert.Throws<ComposeEditException>(() => ComposeImageEditor.ReplaceTag(new(bomb + Service, null, Repository, "2.0")));

        Assert.Contains("alias bomb", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_aliases_to_shared_settings_are_fine()
    {
        var shared = "x-a: &a [lol, lol, lol]\nx-b: &b [*a, *a, *a]\n";

        var edit = ComposeImageEditor.ReplaceTag(new(shared + Service, null, Repository, "2.0"));

        Assert.Equal(shared + Service.Replace(":1.0", ":2.0", StringComparison.Ordinal), edit.ComposeText);
    }

    [Fact]
    public void A_large_file_without_aliases_is_not_taken_for_an_alias_bomb()
    {
        // 150,000 plain scalars in under 1 MiB: many nodes, none of them from an alias.
        var plain = "x-many: [" + string.Join(", ", Enumerable.Repeat("a", 150_000)) + "]\n";

        var edit = ComposeImageEditor.ReplaceTag(new(plain + Service, null, Repository, "2.0"));

        Assert.Equal(plain + Service.Replace(":1.0", ":2.0", StringComparison.Ordinal), edit.ComposeText);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a: ")]
    [InlineData("- ")]
    public void Deep_nesting_is_refused_before_it_gets_expensive(string opener)
    {
        var text = string.Concat(Enumerable.Repeat(opener, 200_000));
        var exception = Assert.Throws<ComposeEditException>(() => ComposeImageEditor.ReplaceTag(new(text, null, Repository, "2.0")));

        Assert.Contains("nest more than 64 levels", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_text_over_one_mebibyte_is_refused_with_the_file_name()
    {
        var text = Service + "# " + new string('x', InputLimits.MaxFileBytes) + "\n";

        var exception = Assert.Throws<ComposeEditException>(() =>
            ComposeImageEditor.ReplaceTag(new(text, null, Repository, "2.0", ComposeFileName: "compose.prod.yml")));

        Assert.Equal("compose.prod.yml: the file is larger than 1 MiB; refusing to read it", exception.Message);
    }

    [Fact]
    public void Env_text_over_one_mebibyte_counted_in_utf8_bytes_is_refused_with_its_name()
    {
        var env = "NOTE=" + new string('ü', 600 * 1024) + "\n";

        var exception = Assert.Throws<ComposeEditException>(() =>
            ComposeImageEditor.ReplaceTag(new(Service, env, Repository, "2.0", EnvFileName: "prod.env")));

        Assert.StartsWith("prod.env: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_variables_that_multiply_each_other_are_refused_quickly()
    {
        var env = string.Join('\n', Enumerable.Range(0, 9).Select(level =>
            $"V{level}=" + (level == 0 ? "1.0" : string.Concat(Enumerable.Repeat($"${{V{level - 1}}}", 20)))));
        var text = "services:\n  app:\n    image: localhost:5443/infosync/infosync:${V8}\n";

        var exception = Assert.Throws<ComposeEditException>(() => ComposeImageEditor.ReplaceTag(new(text, env, Repository, "2.0")));

        Assert.StartsWith("docker-compose.yml:3: ", exception.Message, StringComparison.Ordinal);
    }
}
