using System.Globalization;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Compose;
using Infosync.Deploy.Images;
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
        var project = await new ComposeFiles(host, target).ReadAsync(cancellationToken);
        if (!project.IsRead)
        {
            throw new DeployException($"Cannot ask {host.Name} which Compose it runs.");
        }

        log.Information("  {0}, project {1}, files {2}", project.Cli.Display, project.ProjectName ?? "(refused by Compose)", project.FileNames);
        var containers = new ServiceContainers(host, project.WorkingDirectories);
        var images = new ServerImages(host, registry, log, Secrets.Redactor.None);
        foreach (var service in project.Images.Where(image => ImageReference.IsOf(image.Reference, registry.Repository)))
        {
            log.Information("  {0}", target.Switch.Stack is { } stack
                ? await SwarmStatus.DescribeAsync(new SwarmServices(host, stack), service.Service, cancellationToken)
                : await DescribeServiceAsync(service, containers, images, cancellationToken));
        }

        var lockState = LockState.Parse((await host.RunAsync(LockCommands.Describe(target.Directory), cancellationToken)).StandardOutput);
        log.Information("  lock: {0}", lockState is null ? "free" : "held by " + lockState.Describe(DateTimeOffset.UtcNow)
            + (lockState.IsAbandoned ? " (abandoned: its deploy is gone; the next deploy takes it over)" : string.Empty));
        var entries = await new DeployHistory(host, target.Directory).ReadLastAsync(HistoryRows, cancellationToken);
        log.Information("Last {0} deployments of {1}:", HistoryRows, target.Environment);
        log.Information("{0}", HistoryTable.Render(entries));
    }

    private static async Task<string> DescribeServiceAsync(ServiceImage service, ServiceContainers containers, ServerImages images, CancellationToken cancellationToken)
    {
        var states = await containers.OfAsync(service.Service, cancellationToken);
        if (states.Count == 0)
        {
            return $"{service.Service}: {service.Reference} in {service.File}, no container";
        }

        var parts = new List<string>();
        foreach (var state in states)
        {
            var digest = await images.WithDigestAsync(Secrets.InertText.OneLine(state.Image), state.ImageId);
            parts.Add($"{digest}, {state.Status}{(state.Health is null ? string.Empty : ", " + state.Health)}, {Uptime(state)}, " +
                $"{state.RestartCount} restart(s), container {state.Id[..Math.Min(12, state.Id.Length)]}, image {RollbackPoint.ShortId(state.ImageId)}");
        }

        var several = states.Count > 1 ? $"{states.Count} containers (a rolling switch is under way, or the service is scaled): " : string.Empty;
        return $"{service.Service}: {several}{string.Join("; ", parts)}";
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
