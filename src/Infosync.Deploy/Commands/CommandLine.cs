using Infosync.Deploy.Secrets;

namespace Infosync.Deploy.Commands;

/// <summary>
/// A command as data: a program, its arguments and the secret it reads on stdin. Builders return these;
/// runners execute them locally or on a host; plans and logs print <see cref="Display"/>.
/// Secrets have no place in <see cref="Arguments"/>: a command line shows in <c>ps</c> on any machine.
/// </summary>
public sealed record CommandLine(string Program, IReadOnlyList<string> Arguments, Secret? StandardInput = null)
{
    /// <summary>Starts a command line for <paramref name="program"/>.</summary>
    public static CommandLine For(string program) => new(program, []);

    /// <summary>This command with <paramref name="values"/> appended.</summary>
    public CommandLine Add(params string[] values) => this with { Arguments = [.. Arguments, .. values] };

    /// <summary>This command with <paramref name="values"/> appended when <paramref name="condition"/> holds.</summary>
    public CommandLine AddIf(bool condition, params string[] values) => condition ? Add(values) : this;

    /// <summary>This command reading <paramref name="secret"/> on stdin, the only way a secret reaches a process.</summary>
    public CommandLine WithSecretInput(Secret secret) => this with { StandardInput = secret };

    /// <summary>The command as one POSIX shell line, every word quoted.</summary>
    public string ToShell() =>
        string.Join(' ', [ShellQuoting.Quote(Program), .. Arguments.Select(ShellQuoting.Quote)]);

    /// <summary>The command as shown to people: the shell line, with a secret on stdin noted as redacted.</summary>
    public string Display => StandardInput is null ? ToShell() : $"{ToShell()} <<< {Secret.Redacted}";

    /// <inheritdoc/>
    public override string ToString() => Display;

    /// <summary>Value equality over the argument list, not the list instance.</summary>
    public bool Equals(CommandLine? other) =>
        other is not null && Program == other.Program && Arguments.SequenceEqual(other.Arguments)
        && ReferenceEquals(StandardInput, other.StandardInput);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Program, Arguments.Count);
}
