namespace Infosync.Deploy.Settings;

/// <summary>A setting's command-line argument and the environment variables read, in order, when it is absent.</summary>
/// <remarks>A setting read only from the environment has an empty <see cref="Argument"/>: see <see cref="VariableOnly"/>.</remarks>
public sealed record SettingName(string Argument, IReadOnlyList<string> Variables)
{
    /// <summary>The value read when neither the argument nor a variable is set, or null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>What leaving it unset means when there is no <see cref="Default"/> value, in a few words for <c>--help</c>.</summary>
    public string? WhenUnset { get; init; }

    /// <summary>Whether the setting can be given on the command line.</summary>
    public bool HasArgument => Argument.Length > 0;

    /// <summary>How error messages name the setting: <c>--image-tag (DEFAULT_IMAGE_TAG)</c>.</summary>
    public string Display => (HasArgument, Variables.Count) switch
    {
        (false, _) => string.Join(" or ", Variables),
        (true, 0) => $"--{Argument}",
        _ => $"--{Argument} ({string.Join(" or ", Variables)})",
    };

    /// <summary>A setting with no argument, read only from <paramref name="variables"/>, in order.</summary>
    public static SettingName VariableOnly(IReadOnlyList<string> variables) => new(string.Empty, variables);

    /// <inheritdoc/>
    public override string ToString() => Display;
}
