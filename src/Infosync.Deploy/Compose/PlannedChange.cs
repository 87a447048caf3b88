namespace Infosync.Deploy.Compose;

// NewValue goes into the scalar, or into Variable in the .env file when Variable is set.
internal sealed record PlannedChange(
    string Service,
    ImageScalar Scalar,
    string OldReference,
    string NewReference,
    string? Variable,
    string NewValue);
