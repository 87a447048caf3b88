using Cake.Frosting;

namespace Infosync.Build.Tasks;

[TaskName("PushImage")]
[TaskDescription("Logs into Harbor and pushes the image.")]
[IsDependentOn(typeof(BuildImageTask))]
public sealed class PushImageTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => context.Publisher.Push(context.Image, context.Settings.RequireRegistry());
}
