using Cake.Frosting;
using Infosync.Build;
using Infosync.Deploy.Secrets;

// One redactor for the whole run: every line of output passes through it, whoever writes it.
var redactor = new Redactor();
return new CakeHost()
    .UseLog(log => new RedactingLog(log, redactor))
    .UseContext<BuildContext>()
    .UseLifetime<BuildLifetime>()
    .UseTaskLifetime<GitLabSections>()
    .Run(args);
