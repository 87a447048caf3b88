using System.Text;
using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

/// <summary>The editor over a corpus of compose files: only the image values change, the result re-parses, and a second edit changes nothing.</summary>
public sealed class ComposeCorpusTests
{
    public const string Repository = "registry.example.com:5000/infosync/infosync";

    public static TheoryData<string, string[]> Edits() => new()
    {
        { "01-plain.yml", ["web"] },
        { "02-single-quoted.yml", ["web"] },
        { "03-double-quoted.yml", ["web"] },
        { "04-no-tag.yml", ["web"] },
        { "05-digest-only.yml", ["web"] },
        { "06-tag-and-digest.yml", ["web"] },
        { "07-flow-mapping.yml", ["web"] },
        { "08-anchors-and-merge-keys.yml", ["web"] },
        { "09-comment-on-the-same-line.yml", ["web"] },
        { "10-env-braced.yml", ["web"] },
        { "11-env-default-no-env-file.yml", ["web"] },
        { "12-env-tag-only.yml", ["web"] },
        { "13-multi-service-with-lookalikes.yml", ["web"] },
        { "14-two-services-share-the-image.yml", ["web", "scheduler"] },
        { "15-realistic.yml", ["web"] },
        { "16-uppercase-host.yml", ["web"] },
        { "17-already-at-the-tag.yml", [] },
        { "18-extends-and-profiles.yml", ["base", "web"] },
        { "19-quoted-keys-and-odd-spacing.yml", ["web"] },
        { "20-comments-everywhere.yml", ["web"] },
        { "21-nested-image-keys-elsewhere.yml", ["web"] },
        { "22-tabs-and-trailing-spaces.yml", ["web"] },
        { "23-services-after-other-sections.yml", ["web"] },
        { "24-long-tag-and-dotted.yml", ["web"] },
        { "25-many-services.yml", ["svc0", "svc3", "svc6", "svc9"] },
        { "26-document-marker-and-end.yml", ["web"] },
        { "27-digest-with-port-no-tag.yml", ["web"] },
        { "28-crlf.yml", ["web"] },
        { "29-bom.yml", ["web"] },
        { "30-bom-and-crlf.yml", ["web"] },
    };

    public static TheoryData<string, int, string> Errors() => new()
    {
        { "e01-empty.yml", 1, "is empty" },
        { "e02-not-yaml.yml", 0, "is not valid YAML" },
        { "e03-no-services.yml", 1, "has no 'services' section" },
        { "e04-no-matching-service.yml", 1, $"no service uses {Repository}" },
        { "e05-image-is-a-mapping.yml", 4, "the image of service 'web' is a mapping" },
        { "e06-image-is-an-alias.yml", 4, "the image of service 'web' is an alias" },
        { "e07-path-differs-in-case.yml", 1, $"no service uses {Repository}" },
        { "e08-services-is-a-list.yml", 2, "'services' is not a mapping" },
        { "e09-top-level-list.yml", 1, "the top level is not a mapping" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Only_the_image_values_change_the_result_reparses_and_a_second_edit_is_a_no_op(string file, string[] services)
    {
        var (compose, env) = Read(file);

        var edit = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(compose, env, Repository, "v2", ComposeFileName: file));

        Assert.Equal(services, edit.Changes.Select(c => c.Service));
        ComposeInvariants.OnlyImageValuesChanged(compose, env, edit);
        ComposeInvariants.ReparsesWithTag(edit.ComposeText, edit.EnvText ?? env, services, Repository, "v2");
        var again = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(edit.ComposeText, edit.EnvText ?? env, Repository, "v2"));
        Assert.Equal(edit.ComposeText, again.ComposeText);
        Assert.Null(again.EnvText);
        Assert.Empty(again.Changes);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_file_that_cannot_be_edited_gives_a_typed_error_naming_file_and_line(string file, int line, string problem)
    {
        var (compose, env) = Read(file);

        var error = Assert.Throws<ComposeEditException>(() =>
            ComposeImageEditor.ReplaceTag(new ComposeEditRequest(compose, env, Repository, "v2", ComposeFileName: file)));

        Assert.Equal(file, error.FileName);
        Assert.StartsWith($"{file}:{error.Line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.True(line == 0 ? error.Line > 0 : error.Line == line, $"line {error.Line}");
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_new_digest_is_pinned_after_the_tag()
    {
        var (compose, env) = Read("06-tag-and-digest.yml");
        var digest = "sha256:" + new string('b', 64);

        var edit = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(compose, env, Repository, "v2", digest));

        Assert.Contains($"image: \"{Repository}:v2@{digest}\"", edit.ComposeText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_env_file_keeps_its_quotes_comments_and_other_lines()
    {
        var (compose, env) = Read("12-env-tag-only.yml");

        var edit = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(compose, env, Repository, "v2"));

        Assert.Equal(compose, edit.ComposeText);
        Assert.Equal("export TAG=\"v2\"  # quoted\nBUSYBOX_TAG=1.36\n", edit.EnvText);
        Assert.Equal("TAG", Assert.Single(edit.Changes).Variable);
    }

    [Fact]
    public void A_missing_env_file_is_created_with_the_variable()
    {
        var (compose, _) = Read("11-env-default-no-env-file.yml");

        var edit = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(compose, null, Repository, "v2"));

        Assert.Equal($"WEB_IMAGE={Repository}:v2\n", edit.EnvText);
    }

    [Fact]
    public void The_corpus_has_at_least_25_files() =>
        Assert.True(Directory.GetFiles(CorpusDirectory, "*.yml").Length >= 25);

    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Compose", "Corpus");

    private static (string Compose, string? Env) Read(string file)
    {
        var envPath = Path.Combine(CorpusDirectory, Path.ChangeExtension(file, ".env"));
        return (Decode(Path.Combine(CorpusDirectory, file)), File.Exists(envPath) ? Decode(envPath) : null);
    }

    // Raw bytes as UTF-8, keeping a byte order mark as U+FEFF the way the deploy reads files from a server.
    private static string Decode(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(path));
}
