using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Docker;
using Infosync.Deploy.Images;
using Infosync.Deploy.Local;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Build;

/// <summary>The typed context every task receives: the settings, read once, and the services built on them.</summary>
public sealed class BuildContext(ICakeContext context) : FrostingContext(context)
{
    private InfosyncSettings? settings;

    /// <summary>The settings the tasks of this run need, checked before the first task.</summary>
    public InfosyncSettings Settings => settings ?? throw new InvalidOperationException("Settings are read in setup.");

    /// <summary>The run's redactor, which every line of output passes through (see Program.cs).</summary>
    public Redactor Redactor => (Log as RedactingLog)?.Redactor ?? throw new InvalidOperationException("The host's log is not a RedactingLog.");

    /// <summary>Stops long waits when the process is asked to stop (Ctrl-C, SIGTERM).</summary>
    public ShutdownSignal Shutdown { get; } = new();

    /// <summary>Runs local commands, or prints them in plan mode.</summary>
    public ICommandRunner Commands => Settings.DryRun
        ? new PlanCommandRunner(Log)
        : new CliTool(FileSystem, Environment, ProcessRunner, Tools);

    /// <summary>The image this run builds, pushes or deploys.</summary>
    public ImageReference Image => Settings.RequireRegistry().Image(Settings.RequireTag());

    /// <summary>Builds and pushes images.</summary>
    public ImagePublisher Publisher => new(Commands, Log);

    /// <summary>The operations on one environment's server.</summary>
    public EnvironmentOperations On(DeployEnvironment environment) => new(Settings, environment, Log, Redactor);

    /// <summary>Reads and checks the settings for the tasks about to run.</summary>
    internal void LoadSettings(SettingsRequest request)
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var source = new CakeSettingSource(this);
        foreach (var warning in VariableCheck.Warnings(source.VariableNames(), caseSensitive: !OperatingSystem.IsWindows()))
        {
            Log.Warning("{0}", warning);
        }

        settings = InfosyncSettings.Load(source, request, Environment.WorkingDirectory.FullPath, home);
        Redactor.Learn([settings.Registry?.Password, .. settings.Targets.Values.SelectMany(t => t.Ssh.Secrets)]);
    }
}
