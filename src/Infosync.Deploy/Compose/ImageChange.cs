namespace Infosync.Deploy.Compose;

/// <summary>One service whose image reference changed.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="OldReference">The image reference before the change, with variables resolved.</param>
/// <param name="NewReference">The image reference after the change, with variables resolved.</param>
/// <param name="Line">The 1-based line changed: in the compose file, or in the <c>.env</c> file when <paramref name="Variable"/> is set.</param>
/// <param name="Variable">The <c>.env</c> variable that was changed instead of the compose file, or null.</param>
/// <param name="File">The compose file that defines the image, when several are read.</param>
public sealed record ImageChange(string Service, string OldReference, string NewReference, int Line, string? Variable, string? File = null);
