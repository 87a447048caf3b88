using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

[TaskName("BuildImage")]
[TaskDescription("Builds the app's image as HARBOR_HOST/HARBOR_PROJECT/IMAGE_NAME:TAG.")]
[Needs(TagNeed.Required, Build = true, Repository = true)]
public sealed class BuildImageTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => context.Publisher.Build(context.Image, context.Settings.Build!);
}
