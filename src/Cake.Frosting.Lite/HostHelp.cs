using Cake.Core;

namespace Cake.Frosting;

/// <summary>The usage text for <c>--help</c>.</summary>
internal static class HostHelp
{
    public static void Write(IConsole console, IEnumerable<string> targets)
    {
        console.WriteLine("Usage: build.sh --target=<task> [--name=value ...]");
        console.WriteLine(string.Empty);
        console.WriteLine("  --target=<task>        the task to run (default: {0})", HostOptions.DefaultTarget);
        console.WriteLine("  --exclusive            run only the target, not its dependencies");
        console.WriteLine("  --verbosity=<level>    quiet, minimal, normal, verbose or diagnostic");
        console.WriteLine("  --tree                 show the target's dependency tree");
        console.WriteLine("  --description          list the tasks with their descriptions");
        console.WriteLine(string.Empty);
        console.WriteLine("Tasks: {0}", string.Join(", ", targets.Order(StringComparer.Ordinal)));
    }
}
