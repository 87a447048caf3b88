using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Tests.Fakes;

/// <summary>
/// One connection to a <see cref="FakeServer"/>. It records every step that reaches the server, in order (see
/// <see cref="FlowStep"/>); answers as the server does unless a rule scripts the answer; can drop on the Nth matching
/// step, after the server acted on it and before the answer came back, and then refuses every later command.
/// </summary>
public sealed class FlowHost(FakeServer server, string name) : IRemoteHost
{
    private readonly List<Rule> rules = [];
    private bool dropped;

    public string Name => name;

    /// <summary>The steps that reached the server, named as <see cref="FlowStep"/> names them.</summary>
    public List<string> Steps { get; } = [];

    /// <summary>The commands that reached the server, in order.</summary>
    public List<RemoteCommand> Sent { get; } = [];

    /// <summary>Answers the next <paramref name="times"/> commands of <paramref name="step"/> (a step, or its first words) so.</summary>
    public FlowHost Answer(string step, int exitCode, string output = "", string error = "", int times = int.MaxValue)
    {
        rules.Add(new Rule(step, times, new CommandResult(exitCode, output, error), null, 0, null));
        return this;
    }

    /// <summary>Drops the connection on the <paramref name="nth"/> matching step, once the server has acted on it.</summary>
    public FlowHost DropOn(string step, int nth = 1, string? message = null)
    {
        rules.Add(new Rule(step, int.MaxValue, null, message ?? $"the connection to {name} was lost during {step}", nth, null));
        return this;
    }

    /// <summary>Lets someone else change the server just before <paramref name="step"/> reaches it.</summary>
    public FlowHost Meanwhile(string step, Action<FakeServer> change)
    {
        rules.Add(new Rule(step, 1, null, null, 0, change));
        return this;
    }

    /// <summary>Does <paramref name="also"/> as part of arranging this host, for a fluent arrange.</summary>
    public FlowHost With(Action also)
    {
        ArgumentNullException.ThrowIfNull(also);
        also();
        return this;
    }

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Task.FromResult(Send(FlowStep.Of(command, server.Repository), command));
    }

    public Task<AttachedProcess> StartAttachedAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        Send(FlowStep.Of(command, server.Repository), command);
        return Task.FromResult(new AttachedProcess("4242", () => ValueTask.CompletedTask));
    }

    /// <summary>A step that sends no command (the health gate's wait), recorded in order and subject to drops.</summary>
    public void Pass(string step) => Send(step, null);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CommandResult Send(string step, RemoteCommand? command)
    {
        if (dropped)
        {
            throw new RemoteHostException($"the connection to {name} is closed");
        }

        Steps.Add(step);
        if (command is not null)
        {
            Sent.Add(command);
        }

        var matching = rules.Where(rule => rule.Matches(step)).ToList();
        foreach (var rule in matching.Where(rule => rule.Change is not null && rule.Use()))
        {
            rule.Change!(server);
        }

        var scripted = matching.FirstOrDefault(rule => rule.Result is not null && rule.Use());
        var result = scripted?.Result ?? (command is null ? CommandResult.Planned : server.Run(step, command));
        if (matching.FirstOrDefault(rule => rule.Drop is not null && ++rule.Seen == rule.Nth) is { } drop)
        {
            dropped = true;
            throw new RemoteHostException(drop.Drop!);
        }

        return result;
    }

    private sealed class Rule(string step, int times, CommandResult? result, string? drop, int nth, Action<FakeServer>? change)
    {
        private int left = times;

        public CommandResult? Result => result;

        public string? Drop => drop;

        public int Nth => nth;

        public Action<FakeServer>? Change => change;

        public int Seen { get; set; }

        public bool Matches(string sent) => sent == step || sent.StartsWith(step + " ", StringComparison.Ordinal);

        public bool Use() => left-- > 0;
    }
}
