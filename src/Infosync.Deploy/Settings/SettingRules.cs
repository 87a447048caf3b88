using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Infosync.Deploy.Settings;

/// <summary>The shapes setting values must have; each rule is a pure predicate, tested as a table.</summary>
public static partial class SettingRules
{
    /// <summary>Docker's tag grammar.</summary>
    public const string TagRule = "must be a Docker tag: letters, digits, '_', '.' or '-', not starting with '.' or '-', at most 128 characters";

    /// <summary>A registry host: DNS name or IPv4 address, optional port.</summary>
    public const string HostRule = "must be a host name or IPv4 address with an optional :port, without scheme or path";

    /// <summary>A repository path component.</summary>
    public const string RepositoryRule = "must be lowercase letters and digits, separated by '.', '_', '__' or '-'";

    /// <summary>Whether <paramref name="value"/> is a valid Docker image tag.</summary>
    public static bool IsDockerTag(string value) => Images.ImageReferenceParser.IsTag(value);

    /// <summary>Whether <paramref name="value"/> is <c>host</c> or <c>host:port</c> with a port from 1 to 65535.</summary>
    public static bool IsHostWithOptionalPort(string value)
    {
        var match = HostAndPort().Match(value);
        return match.Success && value.Length <= 260
            && (!match.Groups["port"].Success || IsWholeNumber(match.Groups["port"].Value, 1, 65535, out _));
    }

    /// <summary>Whether <paramref name="value"/> is a host name or IPv4 address without a port.</summary>
    public static bool IsHostName(string value) => value.Length <= 253 && HostAndPort().Match(value) is
    { Success: true } match && !match.Groups["port"].Success;

    /// <summary>Whether <paramref name="value"/> is one component of a repository path, like a Harbor project.</summary>
    public static bool IsRepositoryComponent(string value) => value.Length <= 255 && RepositoryComponent().IsMatch(value);

    /// <summary>Whether <paramref name="value"/> is a repository path of one or more components.</summary>
    public static bool IsRepositoryPath(string value) =>
        value.Length <= 255 && value.Split('/').All(IsRepositoryComponent);

    /// <summary>A <c>COMPOSE_FILE</c> list the tool can deploy.</summary>
    public const string ComposeFileListRule =
        "must be compose file names in the deploy directory separated by ':', such as docker-compose.yml:docker-compose.prod.yml";

    /// <summary>Whether <paramref name="value"/> is an absolute path without <c>..</c> parts or control characters.</summary>
    public static bool IsSafeAbsolutePath(string value) =>
        value.Length is > 1 and <= 1024 && value[0] == '/' && !HasControlCharacter(value)
        && value.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts
        && parts.Any(p => p != ".") && parts.All(p => p != "..");

    /// <summary>
    /// <paramref name="path"/> as Compose records a project directory: repeated <c>/</c>, <c>.</c> parts and a trailing
    /// <c>/</c> removed. Symbolic links are left alone, as <c>cd</c> leaves them.
    /// </summary>
    public static string NormalizePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
        return "/" + string.Join('/', parts);
    }

    /// <summary>Whether <paramref name="value"/> is a ':'-separated list of file names without directories.</summary>
    public static bool IsComposeFileList(string value) =>
        value.Length <= 1024 && !HasControlCharacter(value)
        && value.Split(':') is var names && names.All(name => name.Length is > 0 and <= 255
            && !name.Contains('/', StringComparison.Ordinal) && name is not "." and not ".." && !name.StartsWith('-'));

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL.</summary>
    public static bool IsHttpUrl(string value) =>
        !HasControlCharacter(value) && !value.Any(char.IsWhiteSpace) && value.Length <= 2048
        && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>Whether <paramref name="value"/> is printable text of a sane length: names, users, passwords.</summary>
    public static bool IsPrintable(string value) => value.Length <= 1024 && !HasControlCharacter(value);

    /// <summary>Parses a whole number within bounds.</summary>
    public static bool IsWholeNumber(string value, int minimum, int maximum, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number)
        && number >= minimum && number <= maximum;

    /// <summary>Whether <paramref name="value"/> holds a control character (newline, NUL, escape...).</summary>
    public static bool HasControlCharacter(string value) => value.Any(char.IsControl);

    /// <summary>A raw value made safe for a one-line error: control characters escaped, long values cut.</summary>
    public static string Shorten(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value.Length > 60 ? value[..60] : value)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return value.Length > 60 ? $"{builder}... ({value.Length} characters)" : builder.ToString();
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::(?<port>[0-9]{1,5}))?\z")]
    private static partial Regex HostAndPort();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*\z")]
    private static partial Regex RepositoryComponent();
}
