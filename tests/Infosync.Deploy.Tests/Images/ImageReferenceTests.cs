using Infosync.Deploy.Images;
using Xunit;

namespace Infosync.Deploy.Tests.Images;

public sealed class ImageReferenceTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    [Theory]
    [InlineData("harbor.local/infosync/infosync:2.4.0", "harbor.local", "infosync/infosync", "2.4.0", null)]
    [InlineData("harbor.local/infosync/infosync", "harbor.local", "infosync/infosync", null, null)]
    [InlineData("localhost:5443/infosync/infosync", "localhost:5443", "infosync/infosync", null, null)]
    [InlineData("localhost:5443/infosync/infosync:1.0", "localhost:5443", "infosync/infosync", "1.0", null)]
    [InlineData("localhost/p/n:v_1-rc.2", "localhost", "p/n", "v_1-rc.2", null)]
    [InlineData("host:5000/p/n@" + Digest, "host:5000", "p/n", null, Digest)]
    [InlineData("host:5000/p/n:tag@" + Digest, "host:5000", "p/n", "tag", Digest)]
    [InlineData("nginx", null, "nginx", null, null)]
    [InlineData("infosync/infosync:2.4.0", null, "infosync/infosync", "2.4.0", null)]
    [InlineData("Harbor.Local/p/n:1", "Harbor.Local", "p/n", "1", null)]
    [InlineData("[::1]:5000/p/n:1", "[::1]:5000", "p/n", "1", null)]
    public void Parse_splits_registry_path_tag_and_digest(string text, string? registry, string path, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal((registry, path, tag, digest), (reference.Registry, reference.Path, reference.Tag, reference.Digest));
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("harbor.local/infosync/infosync:")]
    [InlineData("harbor.local/infosync/Infosync:1")]
    [InlineData("harbor.local/infosync//infosync")]
    [InlineData("harbor.local/infosync/infosync:1 ")]
    [InlineData("harbor.local/infosync/infosync:1\n")]
    [InlineData("harbor.local/infosync/infosync:.1")]
    [InlineData("harbor.local/infosync/infosync@sha256:short")]
    [InlineData("harbor.local/infosync/infosync:${TAG}")]
    [InlineData("-host.local/p/n")]
    [InlineData("host.local:port/p/n")]
    public void TryParse_refuses_what_docker_refuses(string text)
    {
        Assert.False(ImageReference.TryParse(text, out _));
    }

    [Theory]
    [InlineData("harbor.local/infosync/infosync:1", "harbor.local/infosync/infosync", true)]
    [InlineData("HARBOR.local/infosync/infosync:1", "harbor.LOCAL/infosync/infosync", true)]
    [InlineData("harbor.local/infosync/infosync-worker:1", "harbor.local/infosync/infosync", false)]
    [InlineData("harbor.local/infosync/infosync/web:1", "harbor.local/infosync/infosync", false)]
    [InlineData("harbor.local/Infosync/infosync:1", "harbor.local/infosync/infosync", false)]
    [InlineData("harbor.local:443/infosync/infosync:1", "harbor.local/infosync/infosync", false)]
    [InlineData("localhost:5443/infosync/infosync", "localhost:5443/infosync/infosync", true)]
    [InlineData("nginx:1.27", "docker.io/library/nginx", true)]
    [InlineData("library/nginx", "index.docker.io/library/nginx", true)]
    public void HasRepository_compares_the_host_without_case_and_the_path_exactly(string image, string repository, bool expected)
    {
        var parsed = ImageReference.TryParse(image, out var reference) && reference.HasRepository(ImageReference.Parse(repository));

        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("localhost:5443/p/n", "2.0", "localhost:5443/p/n:2.0")]
    [InlineData("localhost:5443/p/n:1.0@" + Digest, "2.0", "localhost:5443/p/n:2.0")]
    public void WithTag_replaces_the_tag_and_drops_any_digest(string image, string tag, string expected)
    {
        Assert.Equal(expected, ImageReference.Parse(image).WithTag(tag).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("new\nline")]
    public void WithTag_refuses_a_tag_outside_the_grammar(string tag)
    {
        Assert.Throws<ArgumentException>(() => ImageReference.Parse("host.local/p/n").WithTag(tag));
    }
}
