using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public static class ComposeCorpus
{
    private const string Harbor = CorpusCase.Harbor;
    private const string Digest1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    public static readonly IReadOnlyDictionary<string, CorpusCase> Edits = new[]
    {
        new CorpusCase("01-single-service.yml") { Changes = [Bump("infosync", 3)] },
        new CorpusCase("02-stack-with-comments.yml") { Changes = [Bump("infosync", 7)] },
        new CorpusCase("03-no-tag.yml") { Changes = [new("infosync", Harbor, $"{Harbor}:2.4.1", 4, null)] },
        new CorpusCase("04-digest-only.yml") { Changes = [new("infosync", $"{Harbor}@{Digest1}", $"{Harbor}:2.4.1", 4, null)] },
        new CorpusCase("05-tag-and-digest.yml") { Changes = [new("infosync", $"{Harbor}:2.4.0@{Digest1}", $"{Harbor}:2.4.1", 3, null)] },
        new CorpusCase("06-registry-port.yml", Repository: "localhost:5443/infosync/infosync")
        {
            Changes = [new("infosync", "localhost:5443/infosync/infosync:2.4.0", "localhost:5443/infosync/infosync:2.4.1", 3, null)],
        },
        new CorpusCase("07-single-quoted.yml") { Changes = [Bump("infosync", 3)] },
        new CorpusCase("08-double-quoted.yml") { Changes = [Bump("infosync", 3)] },
        new CorpusCase("09-flow-services.yml") { Changes = [Bump("infosync", 1), Bump("jobs", 1)] },
        new CorpusCase("10-flow-service-in-block.yml") { Changes = [Bump("infosync", 5)] },
        new CorpusCase("11-anchors-and-merge-keys.yml") { Changes = [Bump("infosync", 15)] },
        new CorpusCase("12-image-from-merged-anchor.yml")
        {
            Changes = [Bump("web", 3), Bump("jobs", 3)],
            ComposeSplices = [new(3, $"{Harbor}:2.4.0", $"{Harbor}:2.4.1")],
        },
        new CorpusCase("13-crlf.yml") { Changes = [Bump("infosync", 4)] },
        new CorpusCase("14-bom.yml") { Changes = [Bump("infosync", 3)] },
        new CorpusCase("15-bom-crlf.yml") { Changes = [Bump("infosync", 4)] },
        new CorpusCase("16-comments-on-image-line.yml") { Changes = [Bump("infosync", 3), Bump("worker", 6)] },
        new CorpusCase("17-tag-variable.yml")
        {
            Changes = [new("infosync", $"{Harbor}:2.4.0", $"{Harbor}:2.4.1", 2, "INFOSYNC_TAG")],
            EnvSplices = [new(2, "2.4.0", "2.4.1")],
        },
        new CorpusCase("18-tag-variable-default.yml")
        {
            Changes = [new("infosync", $"{Harbor}:2.4.0", $"{Harbor}:2.4.1", 1, "INFOSYNC_TAG")],
            EnvAppendedLine = "INFOSYNC_TAG=2.4.1",
        },
        new CorpusCase("19-whole-image-variable.yml")
        {
            Changes = [new("infosync", $"{Harbor}:2.4.0", $"{Harbor}:2.4.1", 3, "INFOSYNC_IMAGE")],
            EnvSplices = [new(3, $"{Harbor}:2.4.0", $"{Harbor}:2.4.1")],
        },
        new CorpusCase("20-registry-variable.yml")
        {
            Changes = [Bump("infosync", 3)],
            ComposeSplices = [new(3, "${REGISTRY:-harbor.infosync.local}/infosync/infosync:2.4.0", "${REGISTRY:-harbor.infosync.local}/infosync/infosync:2.4.1")],
        },
        new CorpusCase("21-lookalike-repositories.yml") { Changes = [Bump("app", 3)] },
        new CorpusCase("22-host-case.yml")
        {
            Changes = [new("infosync", "Harbor.Infosync.LOCAL/infosync/infosync:2.4.0", "Harbor.Infosync.LOCAL/infosync/infosync:2.4.1", 3, null)],
        },
        new CorpusCase("23-already-current.yml"),
        new CorpusCase("24-production-stack.yml") { Changes = [Bump("infosync", 25)] },
        new CorpusCase("25-legacy-version-key.yml") { Changes = [Bump("infosync", 5)] },
        new CorpusCase("26-anchor-and-tag-on-image.yml") { Changes = [Bump("infosync", 3), Bump("jobs", 7)] },
        new CorpusCase("27-quoted-keys.yml") { Changes = [Bump("infosync", 3)] },
        new CorpusCase("28-block-scalars-around.yml") { Changes = [Bump("infosync", 3)] },
        new CorpusCase("29-unicode-comments.yml") { Changes = [Bump("infosync", 7), Bump("notify", 9)] },
        new CorpusCase("30-tabs-and-trailing-spaces.yml") { Changes = [Bump("infosync", 3)] },
        new CorpusCase("31-json-style.yml") { Changes = [Bump("infosync", 4)] },
        new CorpusCase("32-document-markers.yml") { Changes = [Bump("infosync", 6)] },
        new CorpusCase("33-multi-line-flow.yml") { Changes = [Bump("infosync", 3), Bump("other", 8)] },
        new CorpusCase("34-env-last-assignment.yml")
        {
            Changes = [new("infosync", $"{Harbor}:2.4.0", $"{Harbor}:2.4.1", 4, "TAG")],
            EnvSplices = [new(4, "2.4.0", "2.4.1")],
        },
        new CorpusCase("35-no-trailing-newline.yml") { Changes = [Bump("infosync", 3)] },
    }.ToDictionary(corpusCase => corpusCase.File);

    public static readonly IReadOnlyDictionary<string, CorpusError> Errors = new CorpusError[]
    {
        new("E01-empty.yml", 1, "the file is empty"),
        new("E02-comments-only.yml", 1, "the file is empty"),
        new("E03-not-yaml.yml", 6, "not valid YAML"),
        new("E04-no-services.yml", 1, "no services section"),
        new("E05-no-matching-service.yml", 1, "no service uses image repository harbor.infosync.local/infosync/infosync"),
        new("E06-image-list.yml", 4, "service infosync: image is a list, not a scalar"),
        new("E07-image-alias.yml", 4, "service infosync: image is an alias (*img)"),
        new("E08-image-mapping.yml", 4, "service infosync: image is a mapping, not a scalar"),
        new("E09-services-list.yml", 1, "services is not a mapping"),
        new("E10-two-documents.yml", 4, "more than one YAML document"),
        new("E11-duplicate-service.yml", 5, "service infosync is defined twice"),
        new("E12-shared-tag-variable.yml", 3, "variable TAG is also used by service worker"),
        new("E13-plain-text.yml", 1, "the top level is not a mapping"),
        new("E14-block-scalar-image.yml", 4, "service infosync: image is a block scalar"),
        new("E15-services-empty.yml", 2, "services is empty"),
    }.ToDictionary(error => error.File);

    public static TheoryData<string> EditNames => [.. Edits.Keys];

    public static TheoryData<string> ErrorNames => [.. Errors.Keys];

    private static ImageChange Bump(string service, int line) =>
        new(service, $"{Harbor}:2.4.0", $"{Harbor}:2.4.1", line, null);
}
