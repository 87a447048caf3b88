using System.Text.RegularExpressions;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// How the lines of a compose or <c>.env</c> diff are shown without the values they hold: a context line keeps its
/// indentation, list dash and key, and its value or comment becomes <c>***</c>. A changed compose line is shown
/// whole only when it holds nothing but the image.
/// </summary>
public static partial class DiffMask
{
    /// <summary>What replaces a hidden value.</summary>
    public const string Hidden = "***";

    /// <summary>A context line of a compose file.</summary>
    public static string ComposeContext(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Trim().Length == 0)
        {
            return line;
        }

        var keyed = YamlKeyed().Match(line);
        if (keyed.Success)
        {
            return keyed.Groups["value"].Value.Length == 0 ? line : keyed.Groups["head"].Value + " " + Hidden;
        }

        var item = YamlItem().Match(line);
        return item.Success ? item.Groups["head"].Value + Hidden : Indentation(line) + Hidden;
    }

    /// <summary>A changed line of a compose file: whole when it is a plain <c>image:</c> line, else masked.</summary>
    public static string ComposeChanged(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return PlainImageLine().IsMatch(line) ? line : ComposeContext(line) + "   (its image changes; the rest is not shown)";
    }

    /// <summary>A context line of a <c>.env</c> file.</summary>
    public static string EnvContext(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Trim().Length == 0)
        {
            return line;
        }

        var assignment = EnvAssignment().Match(line);
        return assignment.Success ? assignment.Groups["head"].Value + Hidden : Indentation(line) + Hidden;
    }

    /// <summary>Whether <paramref name="line"/> of a <c>.env</c> file assigns one of <paramref name="variables"/>.</summary>
    public static bool IsAssignmentOf(string line, IReadOnlySet<string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var assignment = EnvAssignment().Match(line ?? string.Empty);
        return assignment.Success && variables.Contains(assignment.Groups["key"].Value);
    }

    private static string Indentation(string line) => line[..(line.Length - line.TrimStart().Length)];

    // indentation, an optional "- ", a key (plain or quoted), ':' and then the value or comment.
    [GeneratedRegex(@"^(?<head>\s*(?:-\s+)?(?:""[^""]*""|'[^']*'|[^\s#'""][^:#]*?)\s*:)(?:\s+(?<value>.*)|(?<value>))$")]
    private static partial Regex YamlKeyed();

    // A list item: its dash, and KEY= when it is an environment entry.
    [GeneratedRegex(@"^(?<head>\s*-\s*(?:[A-Za-z_][A-Za-z0-9_.-]*=)?)")]
    private static partial Regex YamlItem();

    [GeneratedRegex(@"^\s*(?:-\s+)?[""']?image[""']?\s*:\s*[""']?[^\s""'{}\[\],#]+[""']?\s*(?:#.*)?$")]
    private static partial Regex PlainImageLine();

    [GeneratedRegex(@"^(?<head>\s*(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_.-]*)\s*=)")]
    private static partial Regex EnvAssignment();
}
