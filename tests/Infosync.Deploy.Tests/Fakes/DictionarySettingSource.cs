using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Tests.Fakes;

/// <summary>Arguments and environment variables from dictionaries.</summary>
public sealed class DictionarySettingSource(
    IReadOnlyDictionary<string, string>? arguments = null,
    IReadOnlyDictionary<string, string>? variables = null) : ISettingSource
{
    public string? Argument(string name) => arguments is not null && arguments.TryGetValue(name, out var value) ? value : null;

    public string? Variable(string name) => variables is not null && variables.TryGetValue(name, out var value) ? value : null;
}
