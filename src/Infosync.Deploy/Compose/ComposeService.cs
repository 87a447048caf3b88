namespace Infosync.Deploy.Compose;

// Image is null for a service without one (it is built, for instance).
internal sealed record ComposeService(string Name, int Line, ImageValue? Image);
