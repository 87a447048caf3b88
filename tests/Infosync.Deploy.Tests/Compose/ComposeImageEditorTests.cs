using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public sealed class ComposeImageEditorTests
{
    private const string Repository = "localhost:5443/infosync/infosync";
    private const string Digest = "sha256:abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcd";

    [Theory]
    [InlineData("image: localhost:5443/infosync/infosync:1.0", "image: localhost:5443/infosync/infosync:2.0")]
    [InlineData("image: 'localhost:5443/infosync/infosync:1.0'", "image: 'localhost:5443/infosync/infosync:2.0'")]
    [InlineData("image: \"localhost:5443/infosync/infosync:1.0\"", "image: \"localhost:5443/infosync/infosync:2.0\"")]
    [InlineData("image: \"localhost:5443/infosync/\\x69nfosync:1.0\"", "image: \"localhost:5443/infosync/infosync:2.0\"")]
    public void Edit_keeps_the_quoting_style_of_the_scalar(string before, string after)
    {
        var edit = Replace($"services:\n  app:\n    {before}\n");

        Assert.Equal($"services:\n  app:\n    {after}\n", edit.ComposeText);
    }

    [Fact]
    public void Edit_maps_offsets_past_a_bom_crlf_endings_and_surrogate_pairs()
    {
        var lines = Enumerable.Range(1, 12).Select(number => $"# comment {number} 😀 with an emoji").ToList();
        var text = "\uFEFF" + string.Join("\r\n", lines) + "\r\nservices:\r\n  app:\r\n    image: localhost:5443/infosync/infosync:1.0 # 🚀\r\n";

        var edit = Replace(text);

        Assert.Equal(text.Replace(":1.0 #", ":2.0 #", StringComparison.Ordinal), edit.ComposeText);
        Assert.Equal(15, Assert.Single(edit.Changes).Line);
    }

    [Fact]
    public void Edit_counts_lines_ended_by_a_lone_carriage_return()
    {
        var text = "# classic Mac OS\rservices:\r  app:\r    image: localhost:5443/infosync/infosync:1.0\r";

        var edit = Replace(text);

        Assert.Equal(text.Replace(":1.0", ":2.0", StringComparison.Ordinal), edit.ComposeText);
        Assert.Equal(4, Assert.Single(edit.Changes).Line);
    }

    [Fact]
    public void Created_env_file_takes_the_newline_style_of_the_compose_file()
    {
        var edit = ComposeImageEditor.ReplaceTag(new("services:\r\n  app:\r\n    image: localhost:5443/infosync/infosync:${TAG:-1.0}\r\n", null, Repository, "2.0"));

        Assert.Equal("TAG=2.0\r\n", edit.EnvText);
    }

    [Fact]
    public void Edit_of_an_already_current_file_changes_nothing()
    {
        var text = "services:\n  app:\n    image: localhost:5443/infosync/infosync:2.0 # current\n";

        var edit = Replace(text);

        Assert.Same(text, edit.ComposeText);
        Assert.Null(edit.EnvText);
        Assert.Empty(edit.Changes);
    }

    [Theory]
    [InlineData("localhost:5443/infosync/infosync:${TAG}@sha256:1111111111111111111111111111111111111111111111111111111111111111", "TAG=1.0", "variable next to a fixed part")]
    [InlineData("localhost:5443/infosync/infosync:v${MAJOR}.${MINOR}", "MAJOR=1\nMINOR=0", "built from several parts")]
    [InlineData("localhost:5443/infosync/infosync${SUFFIX}", "SUFFIX=:1.0", "variable inside the repository name")]
    [InlineData("localhost:5443/infosync/infosync:${TAG:?set TAG}", "", "variable TAG is required")]
    [InlineData("localhost:5443/infosync/infosync:${TAG", "", "no closing }")]
    public void Edit_refuses_an_image_whose_tag_it_cannot_change_alone(string image, string env, string fragment)
    {
        var exception = Assert.Throws<ComposeEditException>(() =>
            ComposeImageEditor.ReplaceTag(new($"services:\n  app:\n    image: {image}\n", env, Repository, "2.0")));

        Assert.StartsWith("docker-compose.yml:3: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_refuses_a_variable_that_two_services_need_with_different_values()
    {
        var text = "services:\n  app:\n    image: localhost:5443/infosync/infosync:${V}\n  all:\n    image: ${V}\n";

        var exception = Assert.Throws<ComposeEditException>(() => ComposeImageEditor.ReplaceTag(new(text, "V=1.0\n", Repository, "2.0")));

        Assert.Contains("variable V is also used by service all", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-rc1")]
    [InlineData("2.0 ")]
    [InlineData("2.0\n")]
    [InlineData("2.0'")]
    [InlineData("ä")]
    public void Edit_refuses_a_tag_outside_docker_grammar(string tag)
    {
        Assert.Throws<ArgumentException>(() => ComposeImageEditor.ReplaceTag(new("services: {}", null, Repository, tag)));
    }

    [Fact]
    public void Edit_refuses_a_tag_longer_than_128_characters()
    {
        Assert.Throws<ArgumentException>(() => ComposeImageEditor.ReplaceTag(new("services: {}", null, Repository, new string('a', 129))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5443/infosync/infosync:1.0")]
    [InlineData("localhost:5443/infosync/infosync@" + Digest)]
    [InlineData("localhost:5443/Infosync/infosync")]
    public void Edit_refuses_a_repository_that_is_not_one(string repository)
    {
        Assert.Throws<ArgumentException>(() => ComposeImageEditor.ReplaceTag(new("services: {}", null, repository, "2.0")));
    }

    [Fact]
    public void Error_message_stays_on_one_line_whatever_the_service_is_called()
    {
        var text = "services:\n  \"evil\\nINFO forged log line\":\n    image: [x]\n";

        var exception = Assert.Throws<ComposeEditException>(() => Replace(text));

        Assert.DoesNotContain('\n', exception.Message);
        Assert.StartsWith("docker-compose.yml:3: service evil?INFO forged log line: ", exception.Message, StringComparison.Ordinal);
    }

    private static ComposeEdit Replace(string text) =>
        ComposeImageEditor.ReplaceTag(new ComposeEditRequest(text, null, Repository, "2.0"));
}
