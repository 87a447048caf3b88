namespace Infosync.Deploy.Deployment;

/// <summary>What a service ran before the deploy: the reference its compose file named, and the local image id.</summary>
public sealed record RunningImage(string Service, string Reference, string ImageId);
