using Cake.Core;

namespace Cake.Frosting;

/// <summary>The usage text for <c>--help</c>.</summary>
internal static class HostHelp
{
    private const int Width = 100;

    public static void Write(IConsole console, IEnumerable<string> targets, IEnumerable<string> section)
    {
        console.WriteLine("Usage: build.sh --target=<task> [--name=value ...]");
        console.WriteLine(string.Empty);
        console.WriteLine("  --target=<task>        the task to run (default: {0})", HostOptions.DefaultTarget);
        console.WriteLine("  --exclusive            run only the target, not its dependencies");
        console.WriteLine("  --verbosity=<level>    quiet, minimal, normal, verbose or diagnostic");
        console.WriteLine("  --tree                 show the target's dependency tree");
        console.WriteLine("  --description          list the tasks with their descriptions");
        console.WriteLine(string.Empty);
        foreach (var line in TaskLines(targets.Order(StringComparer.Ordinal)).Append(string.Empty).Concat(section))
        {
            console.WriteLine("{0}", line);
        }
    }

    // "Tasks: A, B, ..." within the width, continuation lines under the first task.
    private static IEnumerable<string> TaskLines(IEnumerable<string> targets)
    {
        var line = "Tasks:";
        var first = true;
        foreach (var target in targets)
        {
            if (!first && line.Length + target.Length + 2 > Width)
            {
                yield return line + ",";
                line = "      ";
                first = true;
            }

            line += first ? " " + target : ", " + target;
            first = false;
        }

        yield return line;
    }
}
