namespace Infosync.Deploy.Commands;

/// <summary>Turns a failed result into an exception with a readable message.</summary>
public static class CommandResultExtensions
{
    /// <summary>Returns <paramref name="result"/> when it succeeded, else throws naming <paramref name="what"/>.</summary>
    public static CommandResult EnsureSuccess(this CommandResult result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            return result;
        }

        var detail = result.Tail();
        throw new CommandFailedException(detail.Length == 0
            ? $"{what} failed (exit code {result.ExitCode})."
            : $"{what} failed (exit code {result.ExitCode}): {detail}");
    }
}
