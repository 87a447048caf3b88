namespace Infosync.Deploy.Settings;

/// <summary>A setting's command-line argument and the environment variables read, in order, when it is absent.</summary>
public sealed record SettingName(string Argument, IReadOnlyList<string> Variables)
{
    /// <summary>The value read when neither the argument nor a variable is set, or null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>What leaving it unset means when there is no <see cref="Default"/> value, in a few words for <c>--help</c>.</summary>
    public string? WhenUnset { get; init; }

    /// <summary>How error messages name the setting: <c>--image-tag (DEFAULT_IMAGE_TAG)</c>.</summary>
    public string Display => Variables.Count == 0
        ? $"--{Argument}"
        : $"--{Argument} ({string.Join(" or ", Variables)})";

    /// <inheritdoc/>
    public override string ToString() => Display;
}
