namespace Infosync.Deploy.Settings;

/// <summary>Settings that cannot be used, each problem on its own line, raised before any work starts.</summary>
public sealed class SettingsException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    public SettingsException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception from one problem.</summary>
    public SettingsException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates an exception with no problems listed.</summary>
    public SettingsException()
        : this([])
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each problem, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
