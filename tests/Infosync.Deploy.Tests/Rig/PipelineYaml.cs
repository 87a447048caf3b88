using YamlDotNet.RepresentationModel;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>The pipeline as gitlab-ci-local expands it (extends and defaults resolved), read with YamlDotNet.</summary>
public sealed class PipelineYaml(string text, YamlMappingNode root)
{
    public string Text { get; } = text;

    public static async Task<PipelineYaml> PreviewAsync()
    {
        var run = await GitLabCiLocal.RunAsync("--preview");
        var text = run.StandardOutput[run.StandardOutput.IndexOf("---", StringComparison.Ordinal)..];
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new PipelineYaml(text, (YamlMappingNode)stream.Documents[^1].RootNode);
    }

    public PipelineJob Job(string name) => new((YamlMappingNode)root[name]);
}

public sealed class PipelineJob(YamlMappingNode job)
{
    public string? Scalar(params string[] path)
    {
        YamlNode node = job;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(key, out var child))
            {
                return null;
            }

            node = child;
        }

        return (node as YamlScalarNode)?.Value;
    }

    public IReadOnlyList<string> Sequence(string key) =>
        [.. ((YamlSequenceNode)job[key]).Children.Cast<YamlScalarNode>().Select(s => s.Value!)];
}
