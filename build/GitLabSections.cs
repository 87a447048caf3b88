using Cake.Core;
using Cake.Frosting;

namespace Infosync.Build;

/// <summary>Wraps each task's output in a collapsible section of the GitLab job log when running in GitLab CI.</summary>
public sealed class GitLabSections : FrostingTaskLifetime<BuildContext>
{
    private const string Escape = "\u001b[0K";

    public override void Setup(BuildContext context, ITaskSetupContext info)
    {
        if (InGitLab(context))
        {
            Console.Out.Write($"{Escape}section_start:{Now()}:{SectionId(info.Task.Name)}\r{Escape}{info.Task.Name}\n");
        }
    }

    public override void Teardown(BuildContext context, ITaskTeardownContext info)
    {
        if (InGitLab(context))
        {
            Console.Out.Write($"{Escape}section_end:{Now()}:{SectionId(info.Task.Name)}\r{Escape}\n");
        }
    }

    private static bool InGitLab(BuildContext context) => context.Settings.Origin.InGitLab;

    private static string SectionId(string taskName) => "cake_" + taskName.ToLowerInvariant();

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
