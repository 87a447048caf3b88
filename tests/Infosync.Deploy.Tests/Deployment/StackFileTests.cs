using System.Text.Json.Nodes;
using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>The stack file rendered from Compose's merged project: translated where the meaning is clear, refused where not.</summary>
public sealed class StackFileTests
{
    private const string Config = """
        {"name":"infosync-dev","networks":{"default":{"name":"infosync-dev_default","ipam":{}},"ext":{"name":"shared","external":true}},
         "services":{
          "web":{"command":null,"entrypoint":null,"image":"r/app:v1","build":{"context":"."},"restart":"unless-stopped",
                 "depends_on":{"db":{"condition":"service_started","required":true}},
                 "environment":{"DB_PASSWORD":"s3cret"},
                 "ports":[{"mode":"host","target":8080,"published":"18200","protocol":"tcp"}],
                 "deploy":{"replicas":3,"update_config":{"order":"stop-first"}}},
          "db":{"image":"postgres:16","restart":"on-failure"}}}
        """;

    [Fact]
    public void The_stack_file_is_the_merged_project_in_the_form_docker_stack_deploy_takes()
    {
        var (refusal, before, after) = StackFile.Render(Config, new Dictionary<string, string> { ["web"] = "r/app:v2" }, 3);

        Assert.Null(refusal);
        var stack = JsonNode.Parse(after)!;
        Assert.Equal("3.8", stack["version"]!.GetValue<string>());
        Assert.Null(stack["name"]);
        Assert.Null(stack["networks"]!["default"]!["name"]);
        Assert.Equal("shared", stack["networks"]!["ext"]!["name"]!.GetValue<string>());
        var web = stack["services"]!["web"]!;
        Assert.Equal("r/app:v2", web["image"]!.GetValue<string>());
        Assert.Equal("r/app:v1", JsonNode.Parse(before)!["services"]!["web"]!["image"]!.GetValue<string>());
        Assert.Null(web["command"]);
        Assert.Null(web["build"]);
        Assert.Null(web["restart"]);
        Assert.Equal("any", web["deploy"]!["restart_policy"]!["condition"]!.GetValue<string>());
        Assert.Equal("on-failure", stack["services"]!["db"]!["deploy"]!["restart_policy"]!["condition"]!.GetValue<string>());
        Assert.Equal(["db"], web["depends_on"]!.AsArray().Select(node => node!.GetValue<string>()));
        Assert.Equal(18200, web["ports"]![0]!["published"]!.GetValue<int>());
        Assert.Equal("s3cret", web["environment"]!["DB_PASSWORD"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"container_name\":\"web\"", "service web has container_name:")]
    [InlineData("\"network_mode\":\"host\"", "service web has network_mode:")]
    [InlineData("\"build\":{\"context\":\".\"}", "service web has no image:")]
    [InlineData("\"image\":\"r/app:v1\",\"ports\":[{\"mode\":\"host\",\"target\":80,\"published\":\"80\"}],\"deploy\":{\"replicas\":3,\"update_config\":{\"order\":\"start-first\"}}",
        "service web updates start-first with a host-mode port and 3 replica(s) on 3 node(s)")]
    public void What_a_stack_cannot_take_is_refused_in_one_line_naming_the_key(string web, string reason)
    {
        var (refusal, _, _) = StackFile.Render($"{{\"name\":\"p\",\"services\":{{\"web\":{{{web}}}}}}}", new Dictionary<string, string>(), 3);

        Assert.NotNull(refusal);
        Assert.StartsWith(reason, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal);
    }

    [Fact]
    public void Start_first_with_a_host_port_is_fine_while_a_node_is_free()
    {
        var web = "\"image\":\"r/app:v1\",\"ports\":[{\"mode\":\"host\",\"target\":80,\"published\":\"80\"}],\"deploy\":{\"replicas\":2,\"update_config\":{\"order\":\"start-first\"}}";

        Assert.Null(StackFile.Render($"{{\"services\":{{\"web\":{{{web}}}}}}}", new Dictionary<string, string>(), 3).Refusal);
    }
}
