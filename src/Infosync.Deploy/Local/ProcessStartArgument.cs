using System.Text;
using Cake.Core.IO;
using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Local;

/// <summary>
/// One argument for Cake's process runner, which hands a single string to .NET's process start; .NET splits it
/// back with the Windows C runtime rules on every platform, so the argument is quoted by those rules.
/// </summary>
internal sealed class ProcessStartArgument(string value) : IProcessArgument
{
    public string Render()
    {
        if (value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\\'))
        {
            return value;
        }

        var builder = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in value)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes only escape when a quote follows them.
            builder.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return builder.Append('\\', backslashes * 2).Append('"').ToString();
    }

    public string RenderSafe() => ShellQuoting.Quote(value);

    public override string ToString() => RenderSafe();
}
