using System.Text.RegularExpressions;

namespace Infosync.Deploy.Compose;

/// <summary>Compose's variable interpolation in a value: <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>$VAR</c>; <c>$$</c> is a dollar.</summary>
internal static partial class Interpolation
{
    /// <summary>The variables used in <paramref name="value"/>, in order.</summary>
    public static IReadOnlyList<VariableUse> Find(string value) =>
        [.. Uses().Matches(value).Where(m => m.Value != "$$").Select(m => new VariableUse(
            m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value,
            m.Groups["operator"].Success ? m.Groups["operator"].Value : null,
            m.Groups["default"].Success ? m.Groups["default"].Value : null,
            m.Index,
            m.Length))];

    /// <summary><paramref name="value"/> with every variable replaced from <paramref name="variables"/>, as Compose would.</summary>
    public static string Resolve(string value, IReadOnlyDictionary<string, string> variables) =>
        Uses().Replace(value, m =>
        {
            if (m.Value == "$$")
            {
                return "$";
            }

            var use = Find(m.Value)[0];
            var set = variables.TryGetValue(use.Name, out var current);
            return use.Operator switch
            {
                ":-" => set && current!.Length > 0 ? current : use.Default ?? string.Empty,
                "-" => set ? current! : use.Default ?? string.Empty,
                _ => set ? current! : string.Empty,
            };
        });

    [GeneratedRegex(@"\$\$|\$\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:?-)(?<default>[^}]*))?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Uses();
}

/// <summary>One use of a variable: its name, operator and default, and where it stands in the value.</summary>
internal sealed record VariableUse(string Name, string? Operator, string? Default, int Index, int Length);
