using Infosync.Deploy.Compose;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Infosync.Deploy.Tests.Compose;

/// <summary>What every edit must satisfy, checked character by character and by re-parsing.</summary>
public static class ComposeInvariants
{
    /// <summary>Every line is identical except image lines of changed services (or .env lines of changed variables), which differ only by the reference.</summary>
    public static void OnlyImageValuesChanged(string compose, string? env, ComposeEdit edit)
    {
        var before = compose.Split('\n');
        var after = edit.ComposeText.Split('\n');
        Assert.Equal(before.Length, after.Length);
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == after[i])
            {
                continue;
            }

            var change = Assert.Single(edit.Changes, c => c.Line == i + 1 && c.Variable is null);
            Assert.Equal(after[i], before[i].Replace(change.OldReference, change.NewReference, StringComparison.Ordinal));
        }

        if (edit.EnvText is not null)
        {
            var variables = edit.Changes.Where(c => c.Variable is not null).Select(c => c.Variable!).ToList();
            var envBefore = (env ?? string.Empty).Split('\n');
            var envAfter = edit.EnvText.Split('\n');
            for (var i = 0; i < envAfter.Length; i++)
            {
                if (i >= envBefore.Length || envBefore[i] != envAfter[i])
                {
                    Assert.Contains(variables, v => envAfter[i].Contains(v + "=", StringComparison.Ordinal) || envAfter[i].Length == 0);
                }
            }
        }
    }

    /// <summary>The edited file loads as YAML and each changed service's image, variables resolved, is the repository (host spelt as in the file) with the new tag.</summary>
    public static void ReparsesWithTag(string compose, string? env, IEnumerable<string> services, string repository, string tag)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(compose.TrimStart('\uFEFF')));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var all = (YamlMappingNode)root[new YamlScalarNode("services")];
        var variables = EnvFile.Parse(env);
        foreach (var service in services)
        {
            var image = ((YamlScalarNode)((YamlMappingNode)all[new YamlScalarNode(service)])[new YamlScalarNode("image")]).Value!;
            var resolved = Interpolation.Resolve(image, variables);
            Assert.True(ImageRepository.Matches(resolved, repository), resolved);
            Assert.Equal((tag, null), (ImageRepository.Parse(resolved).Tag, ImageRepository.Parse(resolved).Digest));
        }
    }
}
