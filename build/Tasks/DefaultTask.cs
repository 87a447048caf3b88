using Cake.Frosting;

namespace Infosync.Build.Tasks;

[TaskName("Default")]
[TaskDescription("Builds the image; the target run when none is given.")]
[IsDependentOn(typeof(BuildImageTask))]
public sealed class DefaultTask : FrostingTask<BuildContext>;
