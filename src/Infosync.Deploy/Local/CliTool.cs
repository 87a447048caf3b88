using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Local;

/// <summary>
/// Runs a <see cref="CommandLine"/> through Cake's tool machinery: the program is found with Cake's tool
/// locator and started by Cake's process runner, which logs the safe rendering at diagnostic verbosity.
/// </summary>
public sealed class CliTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools)
    : Tool<CliToolSettings>(fileSystem, environment, processRunner, tools), ICommandRunner
{
    /// <inheritdoc/>
    public CommandResult Run(CommandLine command, bool captureOutput = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        var arguments = new ProcessArgumentBuilder();
        foreach (var argument in command.Arguments)
        {
            arguments.Append(new ProcessStartArgument(argument));
        }

        var processSettings = new ProcessSettings
        {
            RedirectStandardOutput = captureOutput,
            RedirectStandardError = captureOutput,
        };
        if (command.StandardInput is not null)
        {
            processSettings.StandardInput = command.StandardInput.Reveal();
        }

        using var process = RunProcess(new CliToolSettings { Program = command.Program }, arguments, processSettings);
        process.WaitForExit();
        return captureOutput
            ? new CommandResult(process.GetExitCode(), Join(process.GetStandardOutput()), Join(process.GetStandardError()))
            : new CommandResult(process.GetExitCode(), string.Empty, string.Empty);
    }

    /// <inheritdoc/>
    protected override string GetToolName() => "command-line tool";

    /// <inheritdoc/>
    protected override IEnumerable<string> GetToolExecutableNames() => [];

    /// <inheritdoc/>
    protected override IEnumerable<string> GetToolExecutableNames(CliToolSettings settings) =>
        settings is null ? [] : [settings.Program];

    private static string Join(IEnumerable<string>? lines) => lines is null ? string.Empty : string.Join('\n', lines);
}

/// <summary>Cake tool settings naming which program on PATH to run.</summary>
public sealed class CliToolSettings : ToolSettings
{
    /// <summary>The executable's name, e.g. <c>docker</c>.</summary>
    public required string Program { get; init; }
}
