using Cake.Core.Tooling;

namespace Infosync.Deploy.Local;

/// <summary>Cake tool settings naming which program on PATH to run.</summary>
public sealed class CliToolSettings : ToolSettings
{
    /// <summary>The executable's name, e.g. <c>docker</c>.</summary>
    public required string Program { get; init; }
}
