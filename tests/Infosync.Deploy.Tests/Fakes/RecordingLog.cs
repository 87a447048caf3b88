using System.Globalization;
using Cake.Core.Diagnostics;

namespace Infosync.Deploy.Tests.Fakes;

/// <summary>A log that keeps every line it is given, formatted, in order.</summary>
public sealed class RecordingLog : ICakeLog
{
    public List<string> Lines { get; } = [];

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args) =>
        Lines.Add(string.Format(CultureInfo.InvariantCulture, format, args));
}
