using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public sealed class ProjectImagesTests
{
    private const string Repository = "harbor:5000/infosync/infosync";

    private static ComposeSource Source(string name, string text) => new(name, text);

    [Fact]
    public void An_image_set_in_an_override_is_the_one_edited_and_the_base_file_is_kept()
    {
        var main = Source("docker-compose.yml", $"services:\n  web:\n    image: {Repository}:v1\n    ports: [\"80:80\"]\n");
        var overrides = Source("docker-compose.override.yml", $"services:\n  web:\n    image: {Repository}:v5  # pinned here\n");

        var edit = ProjectImages.ReplaceTag([main, overrides], null, Repository, "v6");

        Assert.Equal(main.Text, edit.Files[0].Text);
        Assert.Equal($"services:\n  web:\n    image: {Repository}:v6  # pinned here\n", edit.Files[1].Text);
        var change = Assert.Single(edit.Changes);
        Assert.Equal(("web", $"{Repository}:v5", "docker-compose.override.yml"), (change.Service, change.OldReference, change.File));
    }

    [Fact]
    public void An_override_without_images_or_services_leaves_the_base_file_to_be_edited()
    {
        var main = Source("compose.yaml", $"services:\n  web:\n    image: {Repository}:v1\n");
        var overrides = Source("compose.override.yml", "services:\n  web:\n    environment:\n      FROM_OVERRIDE: \"yes\"\n");
        var networks = Source("networks.yml", "networks:\n  front: {}\n");

        var edit = ProjectImages.ReplaceTag([main, overrides, networks], null, Repository, "v2");

        Assert.Equal($"services:\n  web:\n    image: {Repository}:v2\n", edit.Files[0].Text);
        Assert.Equal(overrides.Text, edit.Files[1].Text);
        Assert.Equal(networks.Text, edit.Files[2].Text);
    }

    [Fact]
    public void The_effective_image_of_each_service_comes_from_the_last_file_that_sets_it()
    {
        var a = Source("a.yml", $"services:\n  web:\n    image: {Repository}:v1\n  db:\n    image: postgres:16\n");
        var b = Source("b.yml", $"services:\n  web:\n    image: {Repository}:v2\n  worker:\n    image: {Repository}:v2\n");

        var images = ProjectImages.Read([a, b], null);

        Assert.Equal([("web", $"{Repository}:v2", "b.yml"), ("db", "postgres:16", "a.yml"), ("worker", $"{Repository}:v2", "b.yml")],
            images.Select(i => (i.Service, i.Reference, i.File)));
    }

    [Fact]
    public void A_tag_variable_changed_for_one_file_must_not_change_another_files_service()
    {
        var a = Source("a.yml", "services:\n  web:\n    image: harbor:5000/infosync/infosync:${TAG}\n");
        var b = Source("b.yml", "services:\n  worker:\n    image: other/worker:${TAG}\n");

        var error = Assert.Throws<ComposeEditException>(() => ProjectImages.ReplaceTag([a, b], "TAG=v1\n", Repository, "v2"));

        Assert.Contains("worker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_in_env_shared_by_the_services_of_two_files_is_changed_once()
    {
        var a = Source("a.yml", "services:\n  web:\n    image: harbor:5000/infosync/infosync:${TAG}\n");
        var b = Source("b.yml", "services:\n  worker:\n    image: harbor:5000/infosync/infosync:${TAG}\n");

        var edit = ProjectImages.ReplaceTag([a, b], "DB_PASSWORD=s3cret\nTAG=v1\n", Repository, "v2");

        Assert.Equal("DB_PASSWORD=s3cret\nTAG=v2\n", edit.EnvText);
        Assert.Equal([a.Text, b.Text], edit.Files.Select(f => f.Text));
        Assert.Equal(2, edit.Changes.Count);
    }

    [Fact]
    public void No_service_of_the_repository_in_any_file_is_an_error()
    {
        Assert.Throws<ComposeEditException>(() => ProjectImages.ReplaceTag(
            [Source("a.yml", "services:\n  db:\n    image: postgres\n"), Source("b.yml", "services: {}\n")], null, Repository, "v2"));
    }

    [Fact]
    public void The_top_level_name_of_the_last_file_that_has_one_is_the_project_name_interpolated()
    {
        var a = Source("a.yml", "name: first\nservices:\n  web:\n    image: x/y\n");
        var b = Source("b.yml", "name: app-${SUFFIX:-dev}\nservices: {}\n");

        Assert.Equal("app-stage", ProjectImages.Name([a, b], "SUFFIX=stage\n"));
        Assert.Null(ProjectImages.Name([Source("c.yml", "services:\n  web:\n    image: x/y\n")], null));
    }
}
