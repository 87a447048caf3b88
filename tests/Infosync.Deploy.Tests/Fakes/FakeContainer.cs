namespace Infosync.Deploy.Tests.Fakes;

/// <summary>A service's container on a <see cref="FakeServer"/>: its id, the reference it was started from and that image's id.</summary>
public sealed record FakeContainer(string Id, string Reference, string ImageId);
