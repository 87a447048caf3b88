using System.Text;
using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

/// <summary>
/// One fixed structure (a web service using the repository, a sidecar that does not) laid out at random: indentation,
/// blank lines, full-line and trailing comments, quoting, flow or block style, CRLF, a byte order mark.
/// Whatever the layout, only the image value changes, the file re-parses, and the edit is idempotent.
/// </summary>
public sealed class ComposePropertyTests
{
    private const string Repository = ComposeCorpusTests.Repository;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 200)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_layout_keeps_every_byte_but_the_image_value(int seed)
    {
        var compose = RandomLayout(new Random(seed));

        var edit = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(compose, null, Repository, "v2"));

        Assert.Equal("web", Assert.Single(edit.Changes).Service);
        ComposeInvariants.OnlyImageValuesChanged(compose, null, edit);
        ComposeInvariants.ReparsesWithTag(edit.ComposeText, null, ["web"], Repository, "v2");
        Assert.Equal(edit.ComposeText, ComposeImageEditor.ReplaceTag(new ComposeEditRequest(edit.ComposeText, null, Repository, "v2")).ComposeText);
    }

    private static string RandomLayout(Random random)
    {
        var newline = random.Next(3) == 0 ? "\r\n" : "\n";
        var indent = new string(' ', random.Next(1, 5));
        var text = new StringBuilder(random.Next(4) == 0 ? "\uFEFF" : string.Empty);
        void Line(int depth, string content) =>
            text.Append(Noise(random, newline)).Append(string.Concat(Enumerable.Repeat(indent, depth))).Append(content)
                .Append(random.Next(3) == 0 ? "   # trailing " + random.Next() : string.Empty).Append(newline);

        var image = Quote(random, $"{Repository}:v{random.Next(3, 10)}");
        Line(0, "services:");
        if (random.Next(2) == 0)
        {
            Line(1, $"web: {{image: {image}, restart: always}}");
        }
        else
        {
            Line(1, "web:");
            Line(2, $"image:{new string(' ', random.Next(1, 4))}{image}");
            Line(2, "ports: [\"127.0.0.1:8080:8080\"]");
        }

        Line(1, "sidecar:");
        Line(2, $"image: {Quote(random, "busybox:1.36")}");
        text.Append(Noise(random, newline));
        return text.ToString();
    }

    private static string Quote(Random random, string value) => random.Next(3) switch
    {
        0 => value,
        1 => $"'{value}'",
        _ => $"\"{value}\"",
    };

    private static string Noise(Random random, string newline) => random.Next(4) switch
    {
        0 => newline,
        1 => "# comment " + random.Next() + newline,
        2 => "   " + newline,
        _ => string.Empty,
    };
}
