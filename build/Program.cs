using Cake.Frosting;
using Infosync.Build;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<BuildLifetime>()
    .UseTaskLifetime<GitLabSections>()
    .Run(args);
