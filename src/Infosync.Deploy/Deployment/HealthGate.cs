using Cake.Core.Diagnostics;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>Decides whether the switched services are healthy.</summary>
public interface IHealthGate
{
    /// <summary>Waits for <paramref name="services"/>' containers to be healthy; null when they are, else why not.</summary>
    Task<string?> WaitAsync(ServiceContainers containers, IReadOnlyCollection<string> services, CancellationToken cancellationToken);

    /// <summary>Waits for each Swarm service to run its image (service to reference) on all its replicas; null when it does, else why not.</summary>
    Task<string?> WaitForTasksAsync(SwarmServices swarm, IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken);
}

/// <summary>
/// Waits, polling at most once a second, until every container of the changed services is healthy and the
/// health URL answers 2xx; on failure explains it with each container's state and last log lines.
/// </summary>
public sealed partial class HealthGate(HealthSettings settings, ICakeLog log, Redactor redactor) : IHealthGate
{
    /// <inheritdoc/>
    public async Task<string?> WaitAsync(ServiceContainers containers, IReadOnlyCollection<string> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(containers);
        var deadline = DateTimeOffset.UtcNow + settings.Timeout;
        var watch = new ContainerWatch(settings.Settle);
        var verdict = new HealthVerdict(false, "no container checked yet", []);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var started = DateTimeOffset.UtcNow;
            verdict = await CheckOnceAsync(containers, services, watch, cancellationToken);
            if (verdict.Healthy || verdict.Hopeless)
            {
                break;
            }

            var elapsed = DateTimeOffset.UtcNow - started;
            if (elapsed < TimeSpan.FromSeconds(1))
            {
                await Task.Delay(TimeSpan.FromSeconds(1) - elapsed, cancellationToken);
            }
        }

        if (verdict.Healthy)
        {
            return null;
        }

        return await DiagnoseAsync(containers, verdict, cancellationToken);
    }

    private async Task<HealthVerdict> CheckOnceAsync(ServiceContainers containers, IReadOnlyCollection<string> services, ContainerWatch watch, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var service in services)
        {
            var serviceIds = await containers.IdsAsync(service, cancellationToken);
            if (serviceIds is not { Count: > 0 })
            {
                return new HealthVerdict(false, $"service {service} has no container", ids, Hopeless: serviceIds is not null);
            }

            ids.AddRange(serviceIds);
        }

        var states = await containers.InspectAsync(ids, cancellationToken);
        var verdict = watch.Judge(states, DateTimeOffset.UtcNow) with { ContainerIds = ids };
        if (!verdict.Healthy || settings.Url is null)
        {
            return verdict;
        }

        foreach (var (url, shown) in HealthUrls.For(settings.Url, states))
        {
            var status = (await containers.Host.RunAsync(ContainerCommands.HttpStatus(url), cancellationToken)).StandardOutput.Trim();
            if (status.Length != 3 || status[0] != '2')
            {
                return new HealthVerdict(false, $"{shown} answered {(status is "000" or "" ? "nothing" : "HTTP " + status)}", ids);
            }
        }

        return verdict;
    }

    private async Task<string> DiagnoseAsync(ServiceContainers containers, HealthVerdict verdict, CancellationToken cancellationToken)
    {
        var timedOut = verdict.Hopeless ? string.Empty : $" within {settings.Timeout.TotalSeconds:0} s";
        log.Error("Not healthy{0}: {1}", timedOut, verdict.Reason);
        if (verdict.ContainerIds.Count > 0)
        {
            foreach (var state in await containers.InspectAsync(verdict.ContainerIds, CancellationToken.None))
            {
                log.Error("  {0}", state.Describe());
                if (await ExitsAsync(containers.Host, state) is { Length: > 0 } exits)
                {
                    log.Error("  {0}", exits);
                }

                var logs = await containers.Host.RunAsync(ContainerCommands.Logs(state.Id), CancellationToken.None);
                log.Error("  last log lines of {0}:{1}{2}", state.DisplayName, Environment.NewLine,
                    redactor.Redact((logs.StandardOutput + logs.StandardError).TrimEnd()));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return $"not healthy{timedOut}: {verdict.Reason}";
    }

    // A container its restart policy brought back reports exit code 0 while it runs again; Docker's events still tell
    // how each run before ended.
    private async Task<string> ExitsAsync(IRemoteHost host, ContainerState state)
    {
        var events = await host.RunAsync(ContainerCommands.ExitCodes(state.Id, settings.Timeout + TimeSpan.FromMinutes(5)), CancellationToken.None);
        var codes = events.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return codes.Length == 0 ? string.Empty : $"{state.DisplayName} exited {codes.Length} time(s), the last with exit code {codes[^1]}";
    }
}

/// <summary>A plan's health gate: says what the deploy would wait for; a plan cannot see containers it did not start.</summary>
public sealed class PlannedHealthGate(HealthSettings settings, ICakeLog log) : IHealthGate
{
    /// <inheritdoc/>
    public Task<string?> WaitAsync(ServiceContainers containers, IReadOnlyCollection<string> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(containers);
        log.Information("[plan] {0}: wait up to {1:0} s for {2} to be healthy{3}", containers.Host.Name, settings.Timeout.TotalSeconds,
            string.Join(", ", services), settings.Url is null ? string.Empty : $" and {settings.Url} to answer 2xx");
        return Task.FromResult<string?>(null);
    }

    /// <inheritdoc/>
    public Task<string?> WaitForTasksAsync(SwarmServices swarm, IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(swarm);
        ArgumentNullException.ThrowIfNull(images);
        log.Information("[plan] {0}: wait up to {1:0} s for every replica of {2} to run the new image on its node", swarm.Host.Name,
            settings.Timeout.TotalSeconds, string.Join(", ", images.Keys));
        return Task.FromResult<string?>(null);
    }
}
