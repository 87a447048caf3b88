using Infosync.Deploy.Commands;
using Infosync.Deploy.Deployment;

namespace Infosync.Deploy.Tests.Fakes;

// The file scripts' decisions (FileCommands): a write only over the bytes that were read, a restore only over the bytes
// the deploy wrote, each by SHA-256.
public sealed partial class FakeServer
{
    private string Current(string path) => Files.TryGetValue(path, out var bytes) ? Sha256(bytes) : ServerFile.Absent;

    private CommandResult Write(string path, string expected, string sum, string input)
    {
        var bytes = Convert.FromBase64String(input);
        if (Sha256(bytes) != sum)
        {
            return new(6, string.Empty, $"the new {path} arrived incomplete; left unchanged");
        }

        if (Current(path) != expected)
        {
            return new(7, string.Empty, $"{path} changed on the server since it was read; left as it is");
        }

        if (Files.TryGetValue(path, out var old))
        {
            Files[path + ".bak"] = old;
        }

        Files[path] = bytes;
        return Ok(string.Empty);
    }

    private CommandResult Restore(string path, string written, string original, string input)
    {
        var current = Current(path);
        if (current == original)
        {
            return Ok(string.Empty);
        }

        if (current != written)
        {
            return new(7, string.Empty, $"{path} changed on the server since the deploy wrote it; left as it is");
        }

        if (original == ServerFile.Absent)
        {
            Files.Remove(path);
        }
        else
        {
            Files[path] = Convert.FromBase64String(input);
        }

        return Ok(string.Empty);
    }
}
