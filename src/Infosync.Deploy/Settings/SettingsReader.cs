namespace Infosync.Deploy.Settings;

/// <summary>
/// Reads raw values with one precedence, argument, then each environment variable in order, then the default,
/// and collects every problem so that they can be reported together before any work starts.
/// An empty value counts as unset, as an empty CI variable means "not given".
/// </summary>
public sealed class SettingsReader(ISettingSource source)
{
    private readonly List<SettingName> missing = [];
    private readonly List<string> invalid = [];

    /// <summary>The raw value, or the setting's <see cref="SettingName.Default"/> when neither argument nor variable is set.</summary>
    public string? Optional(SettingName name)
    {
        var fromArgument = source.Argument(name.Argument);
        if (!string.IsNullOrEmpty(fromArgument))
        {
            return fromArgument;
        }

        return name.Variables.Select(source.Variable).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? name.Default;
    }

    /// <summary>The raw value; when it is absent, records the setting as missing and returns an empty string.</summary>
    public string Required(SettingName name)
    {
        var value = Optional(name);
        if (value is null)
        {
            missing.Add(name);
        }

        return value ?? string.Empty;
    }

    /// <summary>Whether the bare switch <c>--name</c> is given under any of <paramref name="names"/>.</summary>
    public bool Switch(IEnumerable<string> names) =>
        names.Select(source.Argument).Any(v => v is not null && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>Records that <paramref name="name"/> holds a value that breaks <paramref name="rule"/>.</summary>
    public void Invalid(SettingName name, string rule) => invalid.Add($"{name.Display}: {rule}");

    /// <summary>Records a problem that involves several settings.</summary>
    public void Problem(string message) => invalid.Add(message);

    /// <summary>
    /// Checks <paramref name="value"/> with <paramref name="isValid"/> unless it is empty (already missing); the error
    /// quotes the value, shortened and with control characters escaped, so never use it for a secret.
    /// </summary>
    public string Check(SettingName name, string value, Func<string, bool> isValid, string rule)
    {
        if (value.Length > 0 && !isValid(value))
        {
            Invalid(name, $"{rule}, not '{SettingRules.Shorten(value)}'");
        }

        return value;
    }

    /// <summary>A whole number of seconds within bounds, or the default, which every such setting has.</summary>
    public TimeSpan Seconds(SettingName name, int minimum, int maximum)
    {
        var raw = Optional(name) ?? throw new InvalidOperationException($"{name.Display} has no default.");
        if (!SettingRules.IsWholeNumber(raw, minimum, maximum, out var seconds))
        {
            Invalid(name, $"must be a whole number of seconds from {minimum} to {maximum}, not '{SettingRules.Shorten(raw)}'");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Throws a <see cref="SettingsException"/> naming every missing and invalid setting, if any.</summary>
    public void ThrowIfAnyProblem()
    {
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add("Missing settings: " + string.Join(", ", missing.Distinct().Select(m => m.Display)));
        }

        problems.AddRange(invalid);
        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }
    }
}
