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

    /// <summary>Each problem, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
