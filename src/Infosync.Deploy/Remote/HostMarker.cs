namespace Infosync.Deploy.Remote;

/// <summary>The marker that may open a known_hosts line.</summary>
internal enum HostMarker
{
    /// <summary>No marker: the line pins a host key.</summary>
    None,

    /// <summary><c>@revoked</c>: the key must never be trusted.</summary>
    Revoked,

    /// <summary><c>@cert-authority</c>: the key is a CA whose host certificates are trusted for the hosts named.</summary>
    CertificateAuthority,
}
