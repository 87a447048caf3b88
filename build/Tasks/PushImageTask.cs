using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

[TaskName("PushImage")]
[TaskDescription("Logs into Harbor and pushes the image.")]
[IsDependentOn(typeof(BuildImageTask))]
[Needs(TagNeed.Required, Repository = true, RegistryLogin = true)]
public sealed class PushImageTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => context.Publisher.Push(context.Image, context.Settings.RequireRegistry());
}
