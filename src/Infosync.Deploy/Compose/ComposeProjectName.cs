using System.Text;

namespace Infosync.Deploy.Compose;

/// <summary>
/// The project name Compose gives a directory's containers, by its own rules. v2: <c>COMPOSE_PROJECT_NAME</c>, else
/// the last top-level <c>name:</c>, else the directory's name as the shell names it, lowercased with everything but
/// <c>[a-z0-9_-]</c> dropped and leading <c>_</c> and <c>-</c> trimmed. v1: <c>COMPOSE_PROJECT_NAME</c>, else the name of
/// the directory's real path (symbolic links resolved), lowercased, <c>[a-z0-9_-]</c> kept, nothing trimmed.
/// </summary>
public static class ComposeProjectName
{
    /// <summary>The project name, or null when Compose itself would refuse the one it is given.</summary>
    /// <param name="version">The Compose major version, 1 or 2.</param>
    /// <param name="fromEnvironment"><c>COMPOSE_PROJECT_NAME</c> from the environment or <c>.env</c>, or null.</param>
    /// <param name="topLevelName">The last compose file's top-level <c>name:</c>, interpolated, or null.</param>
    /// <param name="directory">The project directory as given (the path the shell was in).</param>
    /// <param name="physicalDirectory">The same directory with symbolic links resolved.</param>
    public static string? For(int version, string? fromEnvironment, string? topLevelName, string directory, string physicalDirectory)
    {
        if (version < 2)
        {
            return Keep(string.IsNullOrEmpty(fromEnvironment) ? BaseName(physicalDirectory) : fromEnvironment);
        }

        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return IsValidV2(fromEnvironment) ? fromEnvironment : null;
        }

        var normalized = Keep(string.IsNullOrEmpty(topLevelName) ? BaseName(directory) : topLevelName).TrimStart('_', '-');
        return normalized.Length == 0 ? null : normalized;
    }

    /// <summary>Whether Compose v2 accepts <paramref name="name"/> as it is.</summary>
    public static bool IsValidV2(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0])) && name.All(IsKept);

    private static string BaseName(string path) => Path.GetFileName(path.TrimEnd('/'));

    private static string Keep(string name)
    {
        var kept = new StringBuilder(name.Length);
        foreach (var character in name.ToLowerInvariant())
        {
            if (IsKept(character))
            {
                kept.Append(character);
            }
        }

        return kept.ToString();
    }

    private static bool IsKept(char character) => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character is '_' or '-';
}
