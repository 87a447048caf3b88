using YamlDotNet.RepresentationModel;

namespace Infosync.Deploy.Tests.Compose;

// YamlDotNet's representation model, which the editor does not use: the edited file is checked as any
// other YAML tool would see it.
internal static class IndependentYamlReader
{
    public static string? ImageValue(string composeText, string service)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(composeText.TrimStart('\uFEFF')));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var services = (YamlMappingNode)root.Children[new YamlScalarNode("services")];
        return ImageOf((YamlMappingNode)services.Children[new YamlScalarNode(service)]);
    }

    private static string? ImageOf(YamlMappingNode mapping)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode("image"), out var image))
        {
            return ((YamlScalarNode)image).Value;
        }

        // The representation model resolves an alias to the anchored node itself, so a merge key's value is the mapping.
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merged))
        {
            var sources = merged is YamlSequenceNode list ? list.Children : [merged];
            return sources.OfType<YamlMappingNode>().Select(ImageOf).FirstOrDefault(found => found is not null);
        }

        return null;
    }
}
