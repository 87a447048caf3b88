using System.Text;

namespace Infosync.Deploy.Compose;

/// <summary>
/// A compose or <c>.env</c> file that cannot be edited safely. The message has the form
/// <c>docker-compose.yml:12: what is wrong</c> on one line; the caller must write nothing.
/// </summary>
public sealed class ComposeEditException : Exception
{
    private const int MaxMessageLength = 400;

    /// <summary>Creates the exception for a problem at a line of a file.</summary>
    /// <param name="fileName">The file's name as the user knows it.</param>
    /// <param name="line">The 1-based line, or 0 when no line applies.</param>
    /// <param name="problem">What is wrong, in words for the user.</param>
    public ComposeEditException(string fileName, int line, string problem)
        : base(Format(fileName, line, problem))
    {
    }

    private static string Format(string fileName, int line, string problem)
    {
        var where = line > 0 ? $"{fileName}:{line}: " : fileName.Length > 0 ? $"{fileName}: " : string.Empty;
        return OneLine(where + problem);
    }

    // Names and values come from the file; a hostile one must not forge extra log lines.
    private static string OneLine(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxMessageLength));
        foreach (var character in text)
        {
            if (builder.Length == MaxMessageLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(character) || character is '\u2028' or '\u2029' ? '?' : character);
        }

        return builder.ToString();
    }
}
