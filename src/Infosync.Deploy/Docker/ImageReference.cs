namespace Infosync.Deploy.Docker;

/// <summary>A tagged image in a registry: <c>HARBOR_HOST/HARBOR_PROJECT/IMAGE_NAME:TAG</c>.</summary>
public sealed record ImageReference(string Repository, string Tag)
{
    /// <summary>The reference as Docker writes it.</summary>
    public override string ToString() => $"{Repository}:{Tag}";
}
