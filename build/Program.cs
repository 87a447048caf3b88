using Cake.Frosting;
using Infosync.Build;
using Infosync.Deploy.Settings;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<BuildLifetime>()
    .UseTaskLifetime<GitLabSections>()
    .UseArgumentCheck(names => ArgumentCheck.Problems(names, HostOptions.OptionNames))
    .Run(args);
