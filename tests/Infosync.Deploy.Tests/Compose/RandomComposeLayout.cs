namespace Infosync.Deploy.Tests.Compose;

// The image text only fills a hole and draws nothing from the generator: rendering the same seed with the
// old and the new image gives the input and exactly the output the editor must produce.
internal static class RandomComposeLayout
{
    public const string Repository = "harbor.infosync.local/infosync/infosync";
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    // Drawn from its own generator: sharing the layout's first draw would tie the image's form to the newline style.
    public static string OldImage(int seed) => new Random(seed ^ 0x5BD1E995).Next(3) switch
    {
        0 => Repository,
        1 => $"{Repository}:1.0.{seed % 50}",
        _ => $"{Repository}:1.0.0@{Digest}",
    };

    public static RenderedCompose Render(int seed, string image)
    {
        var layout = new RandomLayout(new Random(seed));
        var newline = layout.Pick("\n", "\r\n");
        var writer = new LayoutWriter(newline);
        var indent = layout.Pick("  ", "   ", "    ");
        var imageLines = new Dictionary<string, int>();
        if (layout.Chance(0.3))
        {
            writer.Raw("\uFEFF");
        }

        layout.Filler(writer);
        var hasDefaults = layout.Chance(0.5);
        if (hasDefaults)
        {
            writer.Line("x-defaults: &defaults" + layout.TrailingComment());
            writer.Line($"{indent}restart: unless-stopped" + layout.TrailingComment());
            writer.Line($"{indent}logging:{layout.Spaces(1, 2)}{{driver: json-file}}" + layout.TrailingComment());
            layout.Filler(writer);
        }

        writer.Line("services:" + layout.TrailingComment());
        layout.Filler(writer);
        imageLines["infosync"] = Service(writer, layout, indent, "infosync", image, hasDefaults);
        if (layout.Chance(0.5))
        {
            imageLines["jobs"] = Service(writer, layout, indent, "jobs", image, hasDefaults);
        }

        Service(writer, layout, indent, "worker", $"{Repository}-worker:1.0.0", hasDefaults);
        Service(writer, layout, indent, "db", "postgres:16.4", hasDefaults: false);
        writer.Line("volumes:" + layout.TrailingComment());
        writer.Line($"{indent}data: {{}}" + layout.TrailingComment());
        layout.Filler(writer);
        return new RenderedCompose(writer.Finish(endsWithNewline: layout.Chance(0.8)), imageLines);
    }

    private static int Service(LayoutWriter writer, RandomLayout layout, string indent, string name, string image, bool hasDefaults)
    {
        var quotedImage = RandomLayout.Quote(image, layout.Pick(' ', '\'', '"'));
        if (layout.Chance(0.25))
        {
            var padding = layout.Pick(string.Empty, " ");
            var line = writer.NextLine;
            writer.Line($"{indent}{name}:{layout.Spaces(1, 2)}{{{padding}image:{layout.Spaces(1, 3)}{quotedImage},{layout.Spaces(1, 2)}restart: always{padding}}}" + layout.TrailingComment());
            layout.Filler(writer);
            return line;
        }

        writer.Line($"{indent}{name}:" + layout.TrailingComment());
        layout.Filler(writer);
        var keys = new List<string> { "image", "restart", "ports" };
        if (hasDefaults)
        {
            keys.Add("<<");
        }

        var imageLine = 0;
        foreach (var key in keys.OrderBy(_ => layout.Random.Next()))
        {
            var value = key switch
            {
                "image" => quotedImage,
                "restart" => layout.Pick("always", "\"no\"", "'unless-stopped'"),
                "ports" => layout.Pick("[\"8080:8080\"]", "[]"),
                _ => "*defaults",
            };
            imageLine = key == "image" ? writer.NextLine : imageLine;
            writer.Line($"{indent}{indent}{key}:{layout.Spaces(1, 3)}{value}" + layout.TrailingComment());
            layout.Filler(writer);
        }

        return imageLine;
    }
}
