namespace Infosync.Deploy.Deployment;

/// <summary>What the server said about a lock another deploy holds: its age, whether its keeper lives, who holds it.</summary>
public sealed record LockState(TimeSpan Age, bool? KeeperAlive, string Marker, LockHolder? Holder)
{
    /// <summary>Parses <c>held AGE ALIVE MARKER</c> and the holder's JSON; null when there is no lock.</summary>
    public static LockState? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Split('\n', 2);
        var fields = lines[0].Trim().Split(' ');
        if (fields.Length < 3 || fields[0] != "held" || !int.TryParse(fields[1], out var seconds))
        {
            return null;
        }

        bool? alive = fields[2] switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };
        var holder = lines.Length > 1 && lines[1].Trim().Length > 0 ? LockHolder.FromJson(lines[1].Trim()) : null;
        return new LockState(TimeSpan.FromSeconds(Math.Max(0, seconds)), alive, fields.Length > 3 ? fields[3] : string.Empty, holder);
    }

    /// <summary>Left behind by a deploy that died: its keeper process is gone.</summary>
    public bool IsAbandoned => KeeperAlive == false;

    /// <summary>
    /// Whether the lock may be taken over: abandoned (its keeper is gone, so its deploy is), or, when whether its deploy
    /// lives cannot be told (no keeper: a lock made by hand or by an older version), held longer than
    /// <paramref name="staleAfter"/>. A lock whose keeper lives is never taken over, however old.
    /// </summary>
    public bool MayBeTakenOver(TimeSpan staleAfter) => IsAbandoned || (KeeperAlive is null && Age >= staleAfter);

    /// <summary>Who holds the lock, as a message names them.</summary>
    public string Describe(DateTimeOffset now) =>
        Holder?.Describe(now) ?? $"an unknown holder (no readable holder.json), {(int)Age.TotalSeconds} s ago";
}
