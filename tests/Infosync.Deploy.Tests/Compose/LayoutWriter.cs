using System.Text;

namespace Infosync.Deploy.Tests.Compose;

internal sealed class LayoutWriter(string newline)
{
    private readonly StringBuilder _text = new();

    public int NextLine { get; private set; } = 1;

    public void Raw(string text) => _text.Append(text);

    public void Line(string content)
    {
        _text.Append(content).Append(newline);
        NextLine++;
    }

    public string Finish(bool endsWithNewline) =>
        endsWithNewline || _text.Length == 0 ? _text.ToString() : _text.ToString(0, _text.Length - newline.Length);
}
