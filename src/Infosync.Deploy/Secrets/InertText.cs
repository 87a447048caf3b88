using System.Text;

namespace Infosync.Deploy.Secrets;

/// <summary>
/// Text from elsewhere (a server's files, Docker's output) made safe to print: terminal escape sequences and control
/// characters other than newline and tab are removed, so a file on the server cannot move the cursor, recolour or
/// retitle the terminal, or hide lines of the job log.
/// </summary>
public static class InertText
{
    private const char Escape = '\u001b';

    /// <summary><paramref name="text"/> without escape sequences and control characters; newlines and tabs kept.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (character == Escape)
            {
                index = EndOfSequence(text, index);
            }
            else if (character is '\n' or '\t' || !char.IsControl(character))
            {
                clean.Append(character);
            }
        }

        return clean.ToString();
    }

    /// <summary><paramref name="text"/> made inert and kept on one line, for a field such as a lock holder's name.</summary>
    public static string OneLine(string text) => Of(text).Replace('\n', ' ').Replace('\t', ' ');

    private static bool NeedsCleaning(string text)
    {
        foreach (var character in text)
        {
            if (character is not ('\n' or '\t') && char.IsControl(character))
            {
                return true;
            }
        }

        return false;
    }

    // The index of the last character of the escape sequence that starts at index: CSI (ESC [ ... final byte),
    // OSC and the other string sequences (ESC ] ... BEL or ESC \), or ESC and one character.
    private static int EndOfSequence(string text, int index)
    {
        if (index + 1 >= text.Length)
        {
            return index;
        }

        var kind = text[index + 1];
        if (kind == '[')
        {
            var end = index + 2;
            while (end < text.Length && text[end] is < '@' or > '~')
            {
                end++;
            }

            return Math.Min(end, text.Length - 1);
        }

        if (kind is ']' or 'P' or 'X' or '^' or '_')
        {
            for (var end = index + 2; end < text.Length; end++)
            {
                if (text[end] == '\u0007')
                {
                    return end;
                }

                if (text[end] == Escape && end + 1 < text.Length && text[end + 1] == '\\')
                {
                    return end + 1;
                }
            }

            return text.Length - 1;
        }

        return index + 1;
    }
}
