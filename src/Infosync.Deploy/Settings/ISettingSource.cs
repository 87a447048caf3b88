namespace Infosync.Deploy.Settings;

/// <summary>Where raw setting values come from: the command line and the process environment.</summary>
public interface ISettingSource
{
    /// <summary>The value of <c>--name=value</c>, or null when absent; a bare <c>--name</c> gives <c>true</c>.</summary>
    string? Argument(string name);

    /// <summary>The environment variable's value, or null when unset.</summary>
    string? Variable(string name);
}
