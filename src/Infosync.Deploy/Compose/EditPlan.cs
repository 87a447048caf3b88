using System.Text;
using YamlDotNet.Core;

namespace Infosync.Deploy.Compose;

/// <summary>The splices one edit makes: new text for image spans in the compose file, new values for <c>.env</c> keys.</summary>
internal sealed class EditPlan(ComposeEditRequest request, IReadOnlyDictionary<string, string> variables)
{
    private readonly List<(ImageScalar Image, string Text)> splices = [];
    private readonly Dictionary<string, string> envValues = new(StringComparer.Ordinal);
    private readonly List<ImageChange> changes = [];

    public void Add(ImageScalar image)
    {
        var old = Interpolation.Resolve(image.Value, variables);
        var wanted = ImageRepository.Parse(old).With(request.NewTag, request.NewDigest);
        if (old == wanted)
        {
            return;
        }

        var uses = Interpolation.Find(image.Value);
        if (uses.Count == 0)
        {
            splices.Add((image, Quote(wanted, image.Style)));
            changes.Add(new ImageChange(image.Service, old, wanted, image.Line, null));
            return;
        }

        var (name, value) = VariableToSet(image, uses, wanted);
        envValues[name] = value;
        changes.Add(new ImageChange(image.Service, old, wanted, image.Line, name));
    }

    public ComposeEdit Apply(string composeText, int offset)
    {
        var text = new StringBuilder(composeText);
        foreach (var (image, replacement) in splices.OrderByDescending(s => s.Image.Start))
        {
            text.Remove(image.Start + offset, image.End - image.Start).Insert(image.Start + offset, replacement);
        }

        var env = envValues.Count == 0 ? null : envValues.Aggregate(request.EnvText, (current, pair) => EnvFile.Set(current, pair.Key, pair.Value));
        return new ComposeEdit(text.ToString(), env, changes);
    }

    private (string Name, string Value) VariableToSet(ImageScalar image, IReadOnlyList<VariableUse> uses, string wanted)
    {
        var only = uses[0];
        if (uses.Count == 1 && only.Index == 0 && only.Length == image.Value.Length)
        {
            return (only.Name, wanted);
        }

        var last = uses[^1];
        var colon = image.Value.LastIndexOf(':', last.Index);
        if (last.Index + last.Length == image.Value.Length && colon == last.Index - 1 && colon > image.Value.LastIndexOf('/'))
        {
            return (last.Name, request.NewDigest is null ? request.NewTag : $"{request.NewTag}@{request.NewDigest}");
        }

        throw new ComposeEditException(request.ComposeFileName, image.Line,
            $"the image of service '{image.Service}' ({image.Value}) mixes variables in a way that cannot be updated safely; " +
            "use a variable for the whole image or for the tag alone");
    }

    private static string Quote(string value, ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => $"'{value}'",
        ScalarStyle.DoubleQuoted => $"\"{value}\"",
        _ => value,
    };
}
