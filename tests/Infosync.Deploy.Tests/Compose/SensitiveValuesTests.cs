using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public sealed class SensitiveValuesTests
{
    [Fact]
    public void Environment_values_in_both_forms_are_collected_and_keys_are_not()
    {
        const string text = """
            services:
              web:
                image: r/p/n:v1
                environment:
                  DB_PASSWORD: map-secret
                  QUOTED: "quoted secret"
              worker:
                image: r/p/w:v1
                environment:
                  - API_TOKEN=list-secret
            """;

        var values = SensitiveValues.InCompose(text);

        Assert.Contains("map-secret", values);
        Assert.Contains("quoted secret", values);
        Assert.Contains("list-secret", values);
        Assert.DoesNotContain("DB_PASSWORD", values);
        Assert.DoesNotContain("r/p/n:v1", values);
    }

    [Fact]
    public void Values_merged_into_environment_from_an_anchor_are_collected()
    {
        const string text = """
            x-common: &common
              SHARED_SECRET: anchored-secret
            services:
              web:
                image: r/p/n:v1
                environment:
                  <<: *common
                  OWN: own-secret
              other:
                environment: *common
            """;

        var values = SensitiveValues.InCompose(text);

        Assert.Contains("anchored-secret", values);
        Assert.Contains("own-secret", values);
    }

    [Fact]
    public void Everything_under_top_level_secrets_and_configs_is_collected()
    {
        const string text = """
            services:
              web:
                image: r/p/n:v1
                secrets: [db]
            secrets:
              db:
                file: ./db-password.txt
            configs:
              app:
                content: |
                  inline-config-secret
            """;

        var values = SensitiveValues.InCompose(text);

        Assert.Contains("./db-password.txt", values);
        Assert.Contains("inline-config-secret", values);
        Assert.DoesNotContain("db", values);
    }

    [Fact]
    public void A_file_that_does_not_parse_yields_what_was_read_before_the_error()
    {
        var values = SensitiveValues.InCompose("services:\n  web:\n    environment:\n      A: early-secret\n    image: [unclosed\n");

        Assert.Contains("early-secret", values);
    }

    [Fact]
    public void Env_file_assignments_are_read_with_their_keys()
    {
        var pairs = DotEnv.Assignments("DB_PASSWORD='s3 cret'\n# comment\nexport TAG=v1\n");

        Assert.Equal([KeyValuePair.Create("DB_PASSWORD", "s3 cret"), KeyValuePair.Create("TAG", "v1")], pairs);
    }
}
