namespace Infosync.Deploy.Remote;

/// <summary>What known_hosts says about the key a host presented.</summary>
public enum HostKeyStatus
{
    /// <summary>The host is listed with exactly this key.</summary>
    Known,

    /// <summary>The host is not listed with a key of this type.</summary>
    Unknown,

    /// <summary>The host is listed with a different key of the same type: possibly an attack.</summary>
    Changed,

    /// <summary>The key is marked <c>@revoked</c>.</summary>
    Revoked,
}
