using Cake.Frosting;
using Infosync.Build;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

// One redactor for the whole run: every line of output passes through it, whoever writes it.
var redactor = new Redactor();
return new CakeHost()
    .UseLog(log => new RedactingLog(log, redactor))
    .UseContext<BuildContext>()
    .UseLifetime<BuildLifetime>()
    .UseTaskLifetime<GitLabSections>()
    .UseArgumentCheck(names => ArgumentCheck.Problems(names, HostOptions.OptionNames))
    .UseHelpSection(() => SettingsHelp.Lines(SettingCatalog.Default))
    .Run(args);
