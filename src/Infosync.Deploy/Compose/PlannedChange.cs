namespace Infosync.Deploy.Compose;

/// <summary>A service whose image will change, and where the new text goes.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Scalar">The service's image scalar in the compose file.</param>
/// <param name="OldReference">The resolved reference before the change.</param>
/// <param name="NewReference">The resolved reference after the change.</param>
/// <param name="Variable">The <c>.env</c> variable to set, or null to edit the scalar.</param>
/// <param name="NewValue">The scalar's new value, or the variable's new value.</param>
internal sealed record PlannedChange(
    string Service,
    ImageScalar Scalar,
    string OldReference,
    string NewReference,
    string? Variable,
    string NewValue);
