using System.Globalization;
using System.Text.RegularExpressions;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>Cuts a running deploy's SSH connection by killing its sshd session process on the server.</summary>
public static partial class ConnectionCutter
{
    /// <summary>Finds the session through the deploy's lock keeper (its marker is in the diagnostic output) and kills it.</summary>
    public static async Task CutAsync(string output)
    {
        var marker = Marker().Match(output);
        if (!marker.Success)
        {
            throw new InvalidOperationException("No lock keeper in the output yet:\n" + output);
        }

        var keeper = (await ProcessRun.StartAsync("pgrep", ["-f", marker.Value])).StandardOutput.Split('\n')[0].Trim();
        var stat = await File.ReadAllTextAsync($"/proc/{keeper}/stat");
        var session = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
        var name = (await File.ReadAllTextAsync($"/proc/{session}/cmdline")).Replace('\0', ' ');
        if (!name.StartsWith("sshd: deployer", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The keeper's parent is '{name}', not an sshd session.");
        }

        await ProcessRun.StartAsync("kill", ["-9", int.Parse(session, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)]);
    }

    [GeneratedRegex("infosync-deploy-lock-[0-9a-f]{16}")]
    private static partial Regex Marker();
}
