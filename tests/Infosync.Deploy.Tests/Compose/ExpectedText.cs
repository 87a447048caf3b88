using Xunit;

namespace Infosync.Deploy.Tests.Compose;

// Built from the input and the splices a case lists, not from anything the editor reports.
internal static class ExpectedText
{
    public static string Apply(string original, IEnumerable<TextSplice> splices)
    {
        var positions = new List<(int Start, int Length, string Replacement)>();
        foreach (var lineSplices in splices.GroupBy(splice => splice.Line))
        {
            var (lineStart, lineEnd) = LineBounds(original, lineSplices.Key);
            var searchFrom = lineStart;
            foreach (var splice in lineSplices)
            {
                var found = original.IndexOf(splice.Old, searchFrom, lineEnd - searchFrom, StringComparison.Ordinal);
                Assert.True(found >= 0, $"'{splice.Old}' is not on line {splice.Line}");
                positions.Add((found, splice.Old.Length, splice.New));
                searchFrom = found + splice.Old.Length;
            }
        }

        var result = original;
        foreach (var (start, length, replacement) in positions.OrderByDescending(position => position.Start))
        {
            result = string.Concat(result.AsSpan(0, start), replacement, result.AsSpan(start + length));
        }

        return result;
    }

    public static void AssertSameBytes(string expected, string actual)
    {
        var expectedBytes = CorpusFile.Bytes(expected);
        var actualBytes = CorpusFile.Bytes(actual);
        var length = Math.Min(expectedBytes.Length, actualBytes.Length);
        var firstDifference = Enumerable.Range(0, length).FirstOrDefault(index => expectedBytes[index] != actualBytes[index], length);
        if (firstDifference < length || expectedBytes.Length != actualBytes.Length)
        {
            Assert.Fail($"bytes differ at offset {firstDifference}: expected ...{Around(expected, firstDifference)}... but got ...{Around(actual, firstDifference)}...");
        }
    }

    private static string Around(string text, int byteOffset)
    {
        var start = Math.Clamp(byteOffset - 20, 0, text.Length);
        return text.Substring(start, Math.Min(40, text.Length - start)).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static (int Start, int End) LineBounds(string text, int line)
    {
        var start = 0;
        for (var current = 1; current < line; current++)
        {
            start = text.IndexOf('\n', start) + 1;
            Assert.True(start > 0, $"the text has no line {line}");
        }

        var end = text.IndexOf('\n', start);
        return (start, end < 0 ? text.Length : end);
    }
}
