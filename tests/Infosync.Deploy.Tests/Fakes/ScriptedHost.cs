using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Tests.Fakes;

/// <summary>A host that records every command and answers from a script of (command contains, result) rules.</summary>
public sealed class ScriptedHost : IRemoteHost
{
    private readonly List<(string Contains, CommandResult Result)> answers = [];

    public List<string> Commands { get; } = [];

    public string Name => "fake";

    public ScriptedHost Answer(string contains, string output, int exitCode = 0)
    {
        answers.Add((contains, new CommandResult(exitCode, output, string.Empty)));
        return this;
    }

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        var line = command.Command.ToShell();
        Commands.Add(line);
        var answer = answers.FirstOrDefault(a => line.Contains(a.Contains, StringComparison.Ordinal));
        return Task.FromResult(answer.Result ?? new CommandResult(0, string.Empty, string.Empty));
    }

    public Task<AttachedProcess> StartAttachedAsync(RemoteCommand command, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AttachedProcess("1", () => ValueTask.CompletedTask));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
