using Cake.Core;
using Infosync.Deploy.Settings;

namespace Infosync.Build;

/// <summary>Reads settings from Cake's arguments and environment, the only place the host touches either.</summary>
internal sealed class CakeSettingSource(ICakeContext context) : ISettingSource
{
    public string? Argument(string name) =>
        context.Arguments.HasArgument(name) ? context.Arguments.GetArguments(name).LastOrDefault() : null;

    public string? Variable(string name) => context.Environment.GetEnvironmentVariable(name);

    /// <summary>The names of every variable in the environment, to spot misspelt settings; values are not read.</summary>
    public IEnumerable<string> VariableNames() => context.Environment.GetEnvironmentVariables().Keys;
}
