using System.Globalization;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Catalogue;

/// <summary>What a rolling switch does to single containers, by id: wait for the proxy, stop, remove.</summary>
public static class RolloutCommands
{
    /// <summary>
    /// Waits on the server, so that the proxy finds the new containers before the old ones stop. A server-side sleep
    /// rather than a local one: a plan prints it as a step and waits for nothing.
    /// </summary>
    public static RemoteCommand Drain(TimeSpan time) =>
        new RemoteCommand(CommandLine.For("sleep").Add(Seconds(time)), time + RemoteCommand.DefaultTimeout)
            .Described($"wait {Seconds(time)} s for the proxy to send new requests to the new containers");

    /// <summary>
    /// Stops containers with SIGTERM, giving each <paramref name="grace"/> to finish its requests before SIGKILL.
    /// A container that drains on SIGTERM closes its listener at once, and the proxy retries its refused connects on
    /// the new containers.
    /// </summary>
    public static RemoteCommand Stop(IReadOnlyCollection<string> containerIds, TimeSpan grace) =>
        new RemoteCommand(CommandLine.For("docker").Add("stop", "--time", Seconds(grace)).Add([.. containerIds]), grace + RemoteCommand.DefaultTimeout)
            .Described($"stop the container(s) {Short(containerIds)}, each with {Seconds(grace)} s to finish its requests");

    /// <summary>Removes containers; <paramref name="force"/> also removes one a restart policy started again after its stop.</summary>
    public static RemoteCommand Remove(IReadOnlyCollection<string> containerIds, bool force) =>
        RemoteCommand.Change(CommandLine.For("docker").Add("rm").AddIf(force, "--force").Add([.. containerIds]))
            .Described($"remove the container(s) {Short(containerIds)}");

    private static string Seconds(TimeSpan time) => Math.Ceiling(time.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string Short(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => id[..Math.Min(12, id.Length)]));
}
