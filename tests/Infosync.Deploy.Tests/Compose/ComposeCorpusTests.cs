using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public sealed class ComposeCorpusTests
{
    public static TheoryData<string> EditNames => ComposeCorpus.EditNames;

    public static TheoryData<string> ErrorNames => ComposeCorpus.ErrorNames;

    [Theory]
    [MemberData(nameof(EditNames))]
    public void Edit_reports_the_expected_changes(string name)
    {
        var corpusCase = ComposeCorpus.Edits[name];
        var compose = CorpusFile.Read(corpusCase.File);

        var edit = ComposeImageEditor.ReplaceTag(corpusCase.Request(compose, CorpusFile.EnvBeside(corpusCase.File)));

        Assert.Equal(corpusCase.Changes, edit.Changes);
    }

    [Theory]
    [MemberData(nameof(EditNames))]
    public void Edit_changes_no_byte_outside_the_image_spans(string name)
    {
        var corpusCase = ComposeCorpus.Edits[name];
        var compose = CorpusFile.Read(corpusCase.File);
        var env = CorpusFile.EnvBeside(corpusCase.File);

        var edit = ComposeImageEditor.ReplaceTag(corpusCase.Request(compose, env));

        ExpectedText.AssertSameBytes(ExpectedText.Apply(compose, corpusCase.ExpectedComposeSplices()), edit.ComposeText);
        var expectedEnv = ExpectedEnv(corpusCase, env);
        if (expectedEnv is null)
        {
            Assert.Null(edit.EnvText);
        }
        else
        {
            ExpectedText.AssertSameBytes(expectedEnv, edit.EnvText!);
        }
    }

    [Theory]
    [MemberData(nameof(EditNames))]
    public void Edited_file_reparses_with_the_new_tag(string name)
    {
        var corpusCase = ComposeCorpus.Edits[name];
        var compose = CorpusFile.Read(corpusCase.File);
        var env = CorpusFile.EnvBeside(corpusCase.File);
        var suffix = ":" + corpusCase.NewTag;

        var edit = ComposeImageEditor.ReplaceTag(corpusCase.Request(compose, env));

        foreach (var change in edit.Changes.Where(change => change.Variable is null))
        {
            Assert.EndsWith(suffix, IndependentYamlReader.ImageValue(edit.ComposeText, change.Service));
        }

        var expected = ComposeImageEditor.ReadImages(compose, env)
            .Select(image => (image.Service, edit.Changes.FirstOrDefault(change => change.Service == image.Service)?.NewReference ?? image.Reference));
        var actual = ComposeImageEditor.ReadImages(edit.ComposeText, edit.EnvText ?? env)
            .Select(image => (image.Service, image.Reference));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(EditNames))]
    public void Editing_twice_gives_the_same_text(string name)
    {
        var corpusCase = ComposeCorpus.Edits[name];
        var env = CorpusFile.EnvBeside(corpusCase.File);
        var first = ComposeImageEditor.ReplaceTag(corpusCase.Request(CorpusFile.Read(corpusCase.File), env));

        var second = ComposeImageEditor.ReplaceTag(corpusCase.Request(first.ComposeText, first.EnvText ?? env));

        ExpectedText.AssertSameBytes(first.ComposeText, second.ComposeText);
        Assert.Null(second.EnvText);
        Assert.Empty(second.Changes);
    }

    [Theory]
    [MemberData(nameof(ErrorNames))]
    public void Refused_file_is_named_with_its_line(string name)
    {
        var error = ComposeCorpus.Errors[name];
        var request = new ComposeEditRequest(CorpusFile.Read(name), CorpusFile.EnvBeside(name), error.Repository, "2.4.1", ComposeFileName: name);

        var exception = Assert.Throws<ComposeEditException>(() => ComposeImageEditor.ReplaceTag(request));

        Assert.StartsWith($"{name}:{error.Line}: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(error.MessageFragment, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void Corpus_holds_at_least_25_compose_files_and_each_has_an_expected_outcome()
    {
        var files = Directory.GetFiles(CorpusFile.Directory, "*.yml").Select(path => Path.GetFileName(path)!).ToList();
        var listed = ComposeCorpus.Edits.Values.Select(corpusCase => corpusCase.File).Concat(ComposeCorpus.Errors.Keys).ToHashSet();

        Assert.True(files.Count >= 25, $"only {files.Count} corpus files");
        Assert.All(files, file => Assert.Contains(file, listed));
    }

    private static string? ExpectedEnv(CorpusCase corpusCase, string? env)
    {
        if (corpusCase.EnvAppendedLine is { } line)
        {
            var text = env ?? string.Empty;
            return text + (text.Length == 0 || text.EndsWith('\n') ? string.Empty : "\n") + line + "\n";
        }

        return corpusCase.EnvSplices.Length == 0 ? null : ExpectedText.Apply(env!, corpusCase.EnvSplices);
    }
}
