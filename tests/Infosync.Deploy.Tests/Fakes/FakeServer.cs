using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Compose;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Tests.Fakes;

/// <summary>
/// One deploy server in memory, reached through any number of <see cref="FlowHost"/> connections: its files by path,
/// its local images (reference to id), each service's container, and the deploy history. It answers the catalogue's
/// commands as the real scripts would: reads print base64, writes and restores check the SHA-256 they are given,
/// <c>up</c> moves a service to the image its compose file names.
/// </summary>
public sealed partial class FakeServer(string repository, string directory)
{
    public string Repository => repository;

    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>What the registry serves now, where it is not what <see cref="IdOf"/> gives: a reused tag moved on.</summary>
    public Dictionary<string, string> Registry { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FakeContainer> Containers { get; } = new(StringComparer.Ordinal);

    /// <summary>A second container of a service, started beside the first (<c>up --no-recreate --scale</c>).</summary>
    public Dictionary<string, FakeContainer> Beside { get; } = new(StringComparer.Ordinal);

    /// <summary>The ids of containers that were stopped.</summary>
    public HashSet<string> Stopped { get; } = new(StringComparer.Ordinal);

    /// <summary>What <c>docker compose config --format json</c> prints.</summary>
    public string ConfigJson { get; set; } =
        """{"services":{"web":{"image":"x","networks":{"default":null}},"sidecar":{"image":"y"}}}""";

    public List<string> HistoryLines { get; } = [];

    public IReadOnlyList<HistoryEntry> History => HistoryEntry.ParseLines(string.Join('\n', HistoryLines));

    public FlowHost Connect(string name) => new(this, name);

    public CommandResult Run(string step, RemoteCommand command)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(command);
        var p = FlowStep.Parameters(command);
        var a = command.Command.Arguments;
        return step.Split(' ')[0] switch
        {
            "detect" => Ok("v2\n"),
            "probe" => Ok($"physical {directory}\n" + string.Concat(ComposeFileLookup.Candidates
                .Where(name => Files.ContainsKey($"{directory}/{name}")).Select(name => $"exists {name}\n"))),
            "read" => Files.TryGetValue(p[0], out var bytes) ? Ok(Convert.ToBase64String(bytes)) : new(3, string.Empty, string.Empty),
            "write" => Write(p[0], p[1], p[2], command.Input ?? string.Empty),
            "restore" => Restore(p[0], p[1], p[2], command.Input ?? string.Empty),
            "containers" => Ok(string.Concat(All.Where(c => c.Service == p[0]).Select(c => c.Container.Id + "\n"))),
            "config" => Ok(ConfigJson),
            "stop" => Each(step, id => Stopped.Add(id)),
            "rm" => Each(step, Remove),
            "inspect" => Ok(Inspect(a.Skip(1))),
            "image" => Images.TryGetValue(a[^1], out var id) ? Ok(id + "\n") : new(1, string.Empty, $"No such image: {a[^1]}"),
            "tag" => Tag(a[1], a[2]),
            "pull" => Tag(Registry.GetValueOrDefault(a[1], IdOf(a[1])), a[1]),
            "up" => Up(step.Split(' ').Skip(1)),
            "record" => Append(p[1]),
            "history" => Ok(string.Join('\n', HistoryLines.TakeLast(int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))) + "\n"),
            _ => Ok(string.Empty),
        };
    }

    /// <summary>The id a pull of <paramref name="reference"/> gives: the same for the same reference.</summary>
    public static string IdOf(string reference) => "sha256:" + Sha256(Encoding.UTF8.GetBytes(reference));

    private static CommandResult Ok(string output) => new(0, output, string.Empty);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private CommandResult Tag(string id, string reference)
    {
        Images[reference] = id;
        return Ok(string.Empty);
    }

    private IEnumerable<(string Service, FakeContainer Container)> All =>
        Containers.Select(pair => (pair.Key, pair.Value)).Concat(Beside.Select(pair => (pair.Key, pair.Value)));

    private static CommandResult Each(string step, Action<string> act)
    {
        foreach (var id in step.Split(' ').Skip(1).Where(word => !word.StartsWith('-')))
        {
            act(id);
        }

        return Ok(string.Empty);
    }

    // The old container of a service goes and the one beside it takes its place; a removed new one just goes.
    private void Remove(string id)
    {
        foreach (var (service, container) in All.ToList().Where(pair => pair.Container.Id == id))
        {
            if (Beside.TryGetValue(service, out var beside) && beside.Id == id)
            {
                Beside.Remove(service);
            }
            else if (Beside.Remove(service, out var next))
            {
                Containers[service] = next;
            }
            else
            {
                Containers.Remove(service);
            }
        }
    }

    private CommandResult Up(IEnumerable<string> words)
    {
        var beside = words.Contains("--no-recreate");
        var services = words.Where(word => !word.StartsWith('-') && !word.Contains('=', StringComparison.Ordinal));
        var compose = Encoding.UTF8.GetString(Files[$"{directory}/compose.yaml"]);
        foreach (var service in services)
        {
            var image = ImageLine().Matches(compose).First(match => match.Groups["service"].Value == service).Groups["image"].Value;
            if (!Images.TryGetValue(image, out var id))
            {
                return new(1, string.Empty, $"pull access denied for {image}");
            }

            var started = new FakeContainer($"{service}-{Containers.Count + Beside.Count + 1}-{id[7..15]}", image, id);
            (beside ? Beside : Containers)[service] = started;
        }

        return Ok(string.Empty);
    }

    private CommandResult Append(string json)
    {
        HistoryLines.Add(json);
        return Ok(string.Empty);
    }

    private string Inspect(IEnumerable<string> ids) => JsonSerializer.Serialize(All.Select(pair => pair.Container).Where(c => ids.Contains(c.Id)).Select(c => new
    {
        c.Id,
        Name = "/" + c.Id,
        Image = c.ImageId,
        Config = new { Image = c.Reference },
        State = new { Status = Stopped.Contains(c.Id) ? "exited" : "running", ExitCode = 0, StartedAt = "2026-01-01T00:00:00Z" },
        RestartCount = 0,
    }));

    [GeneratedRegex(@"^  (?<service>[a-z]+):\s*\n    image: (?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex ImageLine();
}

