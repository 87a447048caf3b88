using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public sealed class ReadImagesTests
{
    [Fact]
    public void ReadImages_lists_services_with_an_image_resolved_from_the_env_file()
    {
        var compose = """
            x-base: &base
              image: harbor.local/infosync/infosync:${TAG:-latest}
            services:
              web:
                <<: *base
              built:
                build: .
              db:
                image: "postgres:${PG:-16}"
              proxy: *base
            """;

        var images = ComposeImageEditor.ReadImages(compose, "TAG=2.4.0\n");

        Assert.Equal(
            [
                new ServiceImage("web", "harbor.local/infosync/infosync:2.4.0", 2),
                new ServiceImage("db", "postgres:16", 9),
                new ServiceImage("proxy", "harbor.local/infosync/infosync:2.4.0", 2),
            ],
            images);
    }

    [Fact]
    public void ReadImages_prefers_the_services_own_image_over_merged_ones_and_earlier_merges_over_later()
    {
        var compose = """
            x-a: &a {image: a.local/p/a:1}
            x-b: &b {image: b.local/p/b:1}
            services:
              own: {<<: *a, image: own.local/p/own:1}
              first: {<<: [*b, *a]}
            """;

        var images = ComposeImageEditor.ReadImages(compose, null);

        Assert.Equal(["own.local/p/own:1", "b.local/p/b:1"], images.Select(image => image.Reference));
    }

    [Fact]
    public void ReadImages_names_the_file_it_was_given()
    {
        var exception = Assert.Throws<ComposeEditException>(() => ComposeImageEditor.ReadImages("services: [a]", null, "compose.prod.yml"));

        Assert.Equal("compose.prod.yml:1: services is not a mapping of service names", exception.Message);
    }
}
