namespace Infosync.Deploy.Compose;

// Counted here rather than taken from YamlDotNet's marks, which also break lines at U+2028 and U+0085
// where editors do not.
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (character == '\n' || (character == '\r' && (index + 1 == text.Length || text[index + 1] != '\n')))
            {
                _lineStarts.Add(index + 1);
            }
        }
    }

    public int LineOf(int offset)
    {
        var found = _lineStarts.BinarySearch(offset);
        return found >= 0 ? found + 1 : ~found;
    }
}
