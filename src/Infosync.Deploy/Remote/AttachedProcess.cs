namespace Infosync.Deploy.Remote;

/// <summary>A process started on a host that lives while its stdin stays open; disposing closes stdin.</summary>
public sealed class AttachedProcess(string firstLine, Func<ValueTask> close) : IAsyncDisposable
{
    private Func<ValueTask>? close = close;

    /// <summary>The first line the process printed.</summary>
    public string FirstLine { get; } = firstLine;

    /// <summary>Closes the process's stdin, which ends it.</summary>
    public async ValueTask DisposeAsync()
    {
        var pending = Interlocked.Exchange(ref close, null);
        if (pending is not null)
        {
            await pending();
        }
    }
}
