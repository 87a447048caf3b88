using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

// The seeds are fixed so a failure names the seed that reproduces it.
public sealed class LayoutPropertyTests
{
    private const string NewTag = "2.4.1";

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 150).Select(index => 7919 * index + 17)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_layout_gets_exactly_the_new_image_and_nothing_else(int seed)
    {
        var newImage = $"{RandomComposeLayout.Repository}:{NewTag}";
        var input = RandomComposeLayout.Render(seed, RandomComposeLayout.OldImage(seed));
        var expected = RandomComposeLayout.Render(seed, newImage);

        var edit = ComposeImageEditor.ReplaceTag(new(input.Text, null, RandomComposeLayout.Repository, NewTag));

        ExpectedText.AssertSameBytes(expected.Text, edit.ComposeText);
        Assert.Null(edit.EnvText);
        Assert.Equal(
            input.ImageLines.OrderBy(image => image.Value).Select(image => new ImageChange(image.Key, RandomComposeLayout.OldImage(seed), newImage, image.Value, null)),
            edit.Changes);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_layout_reads_back_with_the_new_image_and_edits_idempotently(int seed)
    {
        var input = RandomComposeLayout.Render(seed, RandomComposeLayout.OldImage(seed));
        var request = new ComposeEditRequest(input.Text, null, RandomComposeLayout.Repository, NewTag);

        var first = ComposeImageEditor.ReplaceTag(request);
        var second = ComposeImageEditor.ReplaceTag(request with { ComposeText = first.ComposeText });

        Assert.Equal($"{RandomComposeLayout.Repository}:{NewTag}", IndependentYamlReader.ImageValue(first.ComposeText, "infosync"));
        Assert.Equal($"{RandomComposeLayout.Repository}-worker:1.0.0", IndependentYamlReader.ImageValue(first.ComposeText, "worker"));
        Assert.Same(first.ComposeText, second.ComposeText);
        Assert.Empty(second.Changes);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_env_layout_gets_only_the_last_tag_value_replaced(int seed)
    {
        var (env, tagLine) = RandomEnvLayout.Render(seed, "2.4.0");
        var (expectedEnv, _) = RandomEnvLayout.Render(seed, NewTag);
        var compose = $"services:\n  infosync:\n    image: {RandomComposeLayout.Repository}:${{TAG{(seed % 2 == 0 ? ":-0.0.1" : string.Empty)}}}\n";

        var edit = ComposeImageEditor.ReplaceTag(new(compose, env, RandomComposeLayout.Repository, NewTag));

        Assert.Same(compose, edit.ComposeText);
        ExpectedText.AssertSameBytes(expectedEnv, edit.EnvText!);
        Assert.Equal(new ImageChange("infosync", $"{RandomComposeLayout.Repository}:2.4.0", $"{RandomComposeLayout.Repository}:{NewTag}", tagLine, "TAG"), Assert.Single(edit.Changes));
    }
}
