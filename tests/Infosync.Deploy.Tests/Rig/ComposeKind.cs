namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// The kind of server a rig test deploys to: the same host, as a user who may run only Compose v2 (deployer) or only
/// Compose v1 (deployer-v1). v2 is what most servers run and the default for tests.
/// </summary>
public enum ComposeKind
{
    V2,
    V1,
}
