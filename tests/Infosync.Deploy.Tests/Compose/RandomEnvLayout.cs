namespace Infosync.Deploy.Tests.Compose;

// Earlier TAG assignments are there because compose uses the last one; only that one may change.
internal static class RandomEnvLayout
{
    public static (string Text, int TagLine) Render(int seed, string tag)
    {
        var layout = new RandomLayout(new Random(seed));
        var writer = new LayoutWriter(layout.Pick("\n", "\r\n"));
        var earlierTags = layout.Random.Next(0, 3);
        for (var index = 0; index < earlierTags; index++)
        {
            Noise(writer, layout);
            writer.Line(Assignment(layout, "TAG", $"0.9.{index}"));
        }

        Noise(writer, layout);
        var tagLine = writer.NextLine;
        writer.Line(Assignment(layout, "TAG", tag));
        Noise(writer, layout);
        return (writer.Finish(endsWithNewline: layout.Chance(0.8)), tagLine);
    }

    private static void Noise(LayoutWriter writer, RandomLayout layout)
    {
        layout.Filler(writer);
        if (layout.Chance(0.5))
        {
            writer.Line(Assignment(layout, layout.Pick("TAGS", "OTHER_TAG", "MY_TAG", "COMPOSE_PROJECT_NAME"), "2.4.0"));
        }
    }

    private static string Assignment(RandomLayout layout, string key, string value)
    {
        var quote = layout.Pick(' ', '\'', '"');
        var comment = quote == ' ' && layout.Chance(0.5) ? layout.TrailingComment() : layout.Chance(0.3) ? " # note" : string.Empty;
        return $"{layout.Spaces(0, 2)}{layout.Pick(string.Empty, "export ")}{key}={RandomLayout.Quote(value, quote)}{comment}";
    }
}
