namespace Infosync.Deploy.Compose;

/// <summary>One service's image moved from one reference to another; <see cref="Variable"/> names the <c>.env</c> entry changed, if any.</summary>
public sealed record ImageChange(string Service, string OldReference, string NewReference, int Line, string? Variable);
