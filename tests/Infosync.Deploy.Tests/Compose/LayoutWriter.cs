using System.Text;

namespace Infosync.Deploy.Tests.Compose;

/// <summary>Writes generated lines with one newline style and keeps count of the line being written.</summary>
internal sealed class LayoutWriter(string newline)
{
    private readonly StringBuilder _text = new();

    /// <summary>The 1-based number of the next line to be written.</summary>
    public int NextLine { get; private set; } = 1;

    public void Raw(string text) => _text.Append(text);

    public void Line(string content)
    {
        _text.Append(content).Append(newline);
        NextLine++;
    }

    /// <summary>The text, with the last newline dropped when the file is to end without one.</summary>
    public string Finish(bool endsWithNewline) =>
        endsWithNewline || _text.Length == 0 ? _text.ToString() : _text.ToString(0, _text.Length - newline.Length);
}
