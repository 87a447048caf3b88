using Cake.Core.Diagnostics;

namespace Cake.Frosting;

/// <summary>The command line as Cake reads it: <c>--name=value</c> arguments and bare <c>--flag</c> switches.</summary>
public sealed record HostOptions(
    string Target,
    Verbosity Verbosity,
    bool Exclusive,
    bool ShowTree,
    bool ShowDescription,
    bool ShowHelp,
    ILookup<string, string> Arguments)
{
    /// <summary>The target run when none is given.</summary>
    public const string DefaultTarget = "Default";

    private static readonly string[] TargetNames = ["target", "t"];
    private static readonly string[] VerbosityNames = ["verbosity", "v"];
    private static readonly string[] ExclusiveNames = ["exclusive", "e"];
    private static readonly string[] TreeNames = ["tree"];
    private static readonly string[] DescriptionNames = ["description", "showdescription", "descriptions"];
    private static readonly string[] HelpNames = ["help", "h", "?"];

    /// <summary>Every argument name the host itself reads, long and short, so an application can tell its own apart.</summary>
    public static IReadOnlyList<string> OptionNames { get; } =
        [.. TargetNames, .. VerbosityNames, .. ExclusiveNames, .. TreeNames, .. DescriptionNames, .. HelpNames];

    /// <summary>Parses arguments; throws <see cref="FormatException"/> with a one-line message on bad input.</summary>
    public static HostOptions Parse(IEnumerable<string> args)
    {
        var pairs = args.Select(ParseOne).ToList();
        var lookup = pairs.ToLookup(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
        string? Last(params string[] names) => names.SelectMany(n => lookup[n]).LastOrDefault();
        bool Has(params string[] names) => names.Any(n => lookup.Contains(n) && !IsFalse(lookup[n].Last()));

        return new HostOptions(
            Target: Last(TargetNames) ?? DefaultTarget,
            Verbosity: ParseVerbosity(Last(VerbosityNames)),
            Exclusive: Has(ExclusiveNames),
            ShowTree: Has(TreeNames),
            ShowDescription: Has(DescriptionNames),
            ShowHelp: Has(HelpNames),
            Arguments: lookup);
    }

    /// <summary>
    /// Whether <paramref name="arguments"/> ask for an exclusive run, by the rule <see cref="Parse"/> applies
    /// (<c>--exclusive</c> or <c>-e</c>, unless its value is <c>false</c>): a lifetime sees Cake's arguments, not these options.
    /// </summary>
    public static bool IsExclusive(Cake.Core.ICakeArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return ExclusiveNames.Any(name => arguments.HasArgument(name) && !IsFalse(arguments.GetArguments(name).Last()));
    }

    private static (string Name, string Value) ParseOne(string arg)
    {
        var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..]
            : arg.StartsWith('-') ? arg[1..]
            : throw new FormatException($"Unexpected argument '{arg}': arguments take the form --name=value.");
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        var (key, value) = equals < 0 ? (name, "true") : (name[..equals], name[(equals + 1)..]);
        if (key.Length == 0)
        {
            throw new FormatException($"Unexpected argument '{arg}': arguments take the form --name=value.");
        }

        return (key, value);
    }

    private static bool IsFalse(string value) => string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    private static Verbosity ParseVerbosity(string? value) => value?.ToUpperInvariant() switch
    {
        null => Verbosity.Normal,
        "QUIET" or "Q" => Verbosity.Quiet,
        "MINIMAL" or "M" => Verbosity.Minimal,
        "NORMAL" or "N" => Verbosity.Normal,
        "VERBOSE" or "V" => Verbosity.Verbose,
        "DIAGNOSTIC" or "DIAG" or "D" => Verbosity.Diagnostic,
        _ => throw new FormatException(
            $"Unknown verbosity '{value}': use quiet, minimal, normal, verbose or diagnostic."),
    };
}
