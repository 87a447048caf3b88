namespace Infosync.Deploy.Compose;

/// <summary>A service's image as the compose file names it, variables resolved, and the line it is on.</summary>
public sealed record ServiceImage(string Service, string Reference, int Line);
