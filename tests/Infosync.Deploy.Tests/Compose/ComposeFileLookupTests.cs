using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

/// <summary>Which files Compose reads, as observed with Compose 2.26.1 and docker-compose 1.29.2 on this rig.</summary>
public sealed class ComposeFileLookupTests
{
    private const string Directory = "/srv/app";

    [Theory]
    [InlineData(2, "docker-compose.yml", "docker-compose.yml")]
    [InlineData(2, "compose.yaml", "compose.yaml")]
    [InlineData(2, "compose.yaml compose.yml docker-compose.yml", "compose.yaml")]
    [InlineData(2, "compose.yml docker-compose.yml docker-compose.yaml", "compose.yml")]
    [InlineData(2, "docker-compose.yaml docker-compose.yml", "docker-compose.yml")]
    [InlineData(2, "docker-compose.yml docker-compose.override.yml", "docker-compose.yml docker-compose.override.yml")]
    [InlineData(2, "compose.yaml docker-compose.override.yml", "compose.yaml docker-compose.override.yml")]
    [InlineData(2, "compose.yaml compose.override.yaml compose.override.yml", "compose.yaml compose.override.yml")]
    [InlineData(2, "compose.yaml compose.override.yaml docker-compose.override.yml", "compose.yaml compose.override.yaml")]
    [InlineData(1, "docker-compose.yml compose.yaml", "docker-compose.yml")]
    [InlineData(1, "compose.yml compose.yaml", "compose.yml")]
    [InlineData(1, "docker-compose.yaml docker-compose.override.yml", "docker-compose.yaml docker-compose.override.yml")]
    public void The_first_default_name_and_the_first_override_are_read(int version, string existing, string expected)
    {
        var files = ComposeFileLookup.Choose(version, Directory, null, existing.Split(' ').ToHashSet());

        Assert.Equal(expected.Split(' '), files);
    }

    [Fact]
    public void Compose_file_replaces_the_defaults_in_its_order()
    {
        var list = new ComposeFileList("b.yml:./a.yml:/srv/app/c.yml", ":", "COMPOSE_FILE in .env");

        var files = ComposeFileLookup.Choose(2, Directory, list, new HashSet<string> { "docker-compose.yml" });

        Assert.Equal(["b.yml", "a.yml", "c.yml"], files);
    }

    [Fact]
    public void Compose_path_separator_splits_the_list()
    {
        var list = new ComposeFileList("a.yml;b.yml", ";", "COMPOSE_FILE");

        Assert.Equal(["a.yml", "b.yml"], ComposeFileLookup.Choose(2, Directory, list, new HashSet<string>()));
    }

    [Theory]
    [InlineData("compose/base.yml")]
    [InlineData("../shared.yml")]
    [InlineData("/etc/compose.yml")]
    public void Files_outside_the_deploy_directory_are_refused_naming_where_they_were_set(string entry)
    {
        var list = new ComposeFileList(entry, ":", "COMPOSE_FILE in the server's environment");

        var error = Assert.Throws<ComposeEditException>(() => ComposeFileLookup.Choose(2, Directory, list, new HashSet<string>()));

        Assert.Contains("COMPOSE_FILE in the server's environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_compose_file_is_an_error_that_names_what_compose_looks_for()
    {
        var error = Assert.Throws<ComposeEditException>(() => ComposeFileLookup.Choose(2, Directory, null, new HashSet<string> { "compose.override.yml" }));

        Assert.Contains("compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_v1_refuses_two_override_files()
    {
        Assert.Throws<ComposeEditException>(() =>
            ComposeFileLookup.Choose(1, Directory, null, new HashSet<string> { "docker-compose.yml", "docker-compose.override.yml", "compose.override.yaml" }));
    }
}
