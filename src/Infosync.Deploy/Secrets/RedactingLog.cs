using Cake.Core.Diagnostics;

namespace Infosync.Deploy.Secrets;

/// <summary>
/// The run's log, through which every line passes: known secrets and the values of the server's files are redacted,
/// and text is made inert (<see cref="InertText"/>), whatever printed it: a task, Cake's error report, an exception's
/// full text at diagnostic verbosity. Numbers, times and the like pass as they are, so their formats still apply.
/// </summary>
public sealed class RedactingLog(ICakeLog inner, Redactor redactor) : ICakeLog
{
    /// <summary>The redactor every line goes through; it learns values during the run.</summary>
    public Redactor Redactor { get; } = redactor;

    /// <inheritdoc/>
    public Verbosity Verbosity
    {
        get => inner.Verbosity;
        set => inner.Verbosity = value;
    }

    /// <inheritdoc/>
    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (verbosity > inner.Verbosity)
        {
            return;
        }

        var safe = args is null ? [] : args.Select(Safe).ToArray();
        inner.Write(verbosity, level, InertText.Of(Redactor.Redact(format)), safe);
    }

    private object Safe(object? argument) => argument switch
    {
        null => string.Empty,
        bool or byte or short or int or long or float or double or decimal or Enum or TimeSpan or DateTime or DateTimeOffset => argument,
        _ => InertText.Of(Redactor.Redact(Convert.ToString(argument, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)),
    };
}
