namespace Infosync.Deploy.Tests.Compose;

internal sealed class RandomLayout(Random random)
{
    // Comments that look like what the editor looks for must survive untouched.
    private static readonly string[] CommentTexts =
    [
        string.Empty,
        " image: harbor.infosync.local/infosync/infosync:1.0.0",
        " TODO: bump to 2.0 after the audit: ask #ops",
        " 'single' \"double\" {flow: map} [seq] &anchor *alias !tag | > %",
        " ünïcödé 😀 日本語",
        "#double hash",
        "\ttab after the hash",
        " ${TAG} and $$ are not variables here",
    ];

    public Random Random { get; } = random;

    public T Pick<T>(params T[] choices) => choices[Random.Next(choices.Length)];

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public string Spaces(int min, int max) => new(' ', Random.Next(min, max + 1));

    public string TrailingComment() =>
        Chance(0.4) ? Pick(" ", "  ", "   ", "\t", " \t") + "#" + Pick(CommentTexts) : Pick(string.Empty, string.Empty, " ", "  ");

    public void Filler(LayoutWriter writer)
    {
        var count = Random.Next(0, 4);
        for (var index = 0; index < count; index++)
        {
            writer.Line(Chance(0.5) ? Spaces(0, 3) : Spaces(0, 8) + "#" + Pick(CommentTexts));
        }
    }

    public static string Quote(string value, char style) => style switch
    {
        '\'' => $"'{value}'",
        '"' => $"\"{value}\"",
        _ => value,
    };
}
