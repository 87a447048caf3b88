using System.Text;
using Infosync.Deploy.Compose;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// What the server says about a deploy directory before its files are read: its real path, the <c>COMPOSE_*</c>
/// variables of the environment Compose will run in, and which of the file names Compose looks for exist.
/// </summary>
public sealed record ProjectProbe(string PhysicalDirectory, IReadOnlyDictionary<string, string> Environment, IReadOnlySet<string> Existing)
{
    private static readonly string[] Variables = ["COMPOSE_FILE", "COMPOSE_PATH_SEPARATOR", "COMPOSE_PROJECT_NAME"];

    /// <summary>Parses the probe's output.</summary>
    public static ProjectProbe Parse(string output, string directory)
    {
        ArgumentNullException.ThrowIfNull(output);
        var physical = directory;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', 3);
            switch (fields[0])
            {
                case "physical" when fields.Length > 1:
                    physical = line["physical ".Length..];
                    break;
                case "env" when fields.Length >= 2 && Variables.Contains(fields[1]):
                    environment[fields[1]] = fields.Length == 3 ? Encoding.UTF8.GetString(Convert.FromBase64String(fields[2].Trim())) : string.Empty;
                    break;
                case "exists" when fields.Length == 2:
                    existing.Add(fields[1]);
                    break;
            }
        }

        return new ProjectProbe(physical, environment, existing);
    }

    /// <summary>
    /// A <c>COMPOSE_*</c> variable as Compose sees it: the environment's value when it is set there (even empty),
    /// else <c>.env</c>'s; an empty value counts as unset.
    /// </summary>
    public string? Variable(string name, string? envText)
    {
        var value = Environment.TryGetValue(name, out var fromEnvironment) ? fromEnvironment : DotEnv.Value(envText, name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
