using YamlDotNet.Core;

namespace Infosync.Deploy.Compose;

/// <summary>
/// The values of a compose file that output must never show: every scalar under an <c>environment:</c> key, and
/// everything under the top-level <c>secrets:</c> and <c>configs:</c>, including what anchors aliased there hold.
/// Only values are collected, never keys. (A <c>.env</c> file's values are <see cref="DotEnv.Assignments"/>.)
/// </summary>
public static class SensitiveValues
{
    /// <summary>The sensitive scalar values of a compose file; a file that does not parse yields what was read.</summary>
    public static IReadOnlyList<string> InCompose(string composeText)
    {
        ArgumentNullException.ThrowIfNull(composeText);
        var collector = new SensitiveValueCollector();
        try
        {
            var parser = new Parser(new StringReader(composeText.TrimStart('\uFEFF')));
            while (parser.MoveNext())
            {
                collector.Visit(parser.Current!);
            }
        }
        catch (YamlException)
        {
            // The editor reports a broken file; here only what parsed is collected.
        }

        return [.. collector.Values];
    }
}
