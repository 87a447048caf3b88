using System.Globalization;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Compose;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>What runs in an environment: per service the image, digest, state and uptime; the lock; the last deploys.</summary>
public sealed class StatusReport(IRemoteHost host, DeployTarget target, RegistrySettings registry, ICakeLog log)
{
    /// <summary>How many deployments the table shows.</summary>
    public const int HistoryRows = 10;

    /// <summary>Writes the report.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        log.Information("Status of {0} on {1} ({2})", target.Environment, host.Name, target.Directory);
        var files = new ComposeFiles(host, target);
        var snapshot = await files.ReadAsync(cancellationToken);
        var ours = ComposeImageEditor.ReadImages(snapshot.ComposeText, snapshot.EnvText, files.ComposePath)
            .Where(image => ImageReference.IsOf(image.Reference, registry.Repository));
        foreach (var service in ours)
        {
            log.Information("  {0}", await DescribeServiceAsync(service, cancellationToken));
        }

        var lockState = LockState.Parse((await host.RunAsync(LockScripts.Describe(target.Directory), cancellationToken)).StandardOutput);
        log.Information("  lock: {0}", lockState is null ? "free" : "held by " + lockState.Describe(DateTimeOffset.UtcNow)
            + (lockState.IsAbandoned ? " (abandoned: its deploy is gone; the next deploy takes it over)" : string.Empty));
        var entries = await new DeployHistory(host, target.Directory).ReadLastAsync(HistoryRows, cancellationToken);
        log.Information("Last {0} deployments of {1}:", HistoryRows, target.Environment);
        log.Information("{0}", HistoryTable.Render(entries));
    }

    private async Task<string> DescribeServiceAsync(ServiceImage service, CancellationToken cancellationToken)
    {
        var ids = (await host.RunAsync(ServerDocker.ContainerIds(target.Directory, service.Service), cancellationToken)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return $"{service.Service}: {service.Reference} in the file, no container";
        }

        var inspected = await host.RunAsync(ServerDocker.Inspect(ids), cancellationToken);
        var states = ContainerState.ParseInspect(inspected.Succeeded ? inspected.StandardOutput : string.Empty);
        var parts = new List<string>();
        var images = new ServerImages(host, registry, log, Secrets.Redactor.None);
        foreach (var state in states)
        {
            var digest = await images.WithDigestAsync(state.Image);
            parts.Add($"{digest}, {state.Status}{(state.Health is null ? string.Empty : ", " + state.Health)}, {Uptime(state)}, " +
                $"{state.RestartCount} restart(s), container {state.Id[..Math.Min(12, state.Id.Length)]}");
        }

        return $"{service.Service}: {string.Join("; ", parts)}";
    }

    private static string Uptime(ContainerState state)
    {
        if (!state.Running || !DateTimeOffset.TryParse(state.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started))
        {
            return "not running";
        }

        var up = DateTimeOffset.UtcNow - started;
        return up.TotalHours >= 1 ? $"up {(int)up.TotalHours} h {up.Minutes} min" : $"up {up.Minutes} min {up.Seconds} s";
    }
}
