using System.Text.RegularExpressions;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Compose;

/// <summary>
/// Changes the tag of every service whose image is a given repository, touching nothing but the characters of those
/// image values (or of the <c>.env</c> values they interpolate). A pure function: text in, text out.
/// </summary>
public static partial class ComposeImageEditor
{
    /// <summary>The largest compose or <c>.env</c> text accepted.</summary>
    public const int MaxCharacters = 1024 * 1024;

    /// <summary>Edits the texts; throws <see cref="ComposeEditException"/> naming file and line when it cannot.</summary>
    public static ComposeEdit ReplaceTag(ComposeEditRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SettingRules.IsDockerTag(request.NewTag) || (request.NewDigest is not null && !Digest().IsMatch(request.NewDigest)))
        {
            throw new ArgumentException($"'{request.NewTag}' or '{request.NewDigest}' is not a valid tag or digest.", nameof(request));
        }

        var (offset, images) = ScanChecked(request.ComposeText, request.EnvText, request);
        if (images.FirstOrDefault(i => i.Problem is not null) is { } bad)
        {
            throw new ComposeEditException(request.ComposeFileName, bad.Line, bad.Problem!);
        }

        var variables = EnvFile.Parse(request.EnvText);
        var matching = images.Where(i => ImageRepository.Matches(Interpolation.Resolve(i.Value, variables), request.Repository)).ToList();
        if (matching.Count == 0)
        {
            var found = string.Join(", ", images.Select(i => $"{i.Service}={i.Value}"));
            throw new ComposeEditException(request.ComposeFileName, 1,
                $"no service uses {request.Repository} (images: {(found.Length == 0 ? "none" : found)})");
        }

        var plan = new EditPlan(request, variables);
        foreach (var image in matching)
        {
            plan.Add(image);
        }

        return plan.Apply(request.ComposeText, offset);
    }

    /// <summary>Every service image of the file, variables resolved from <paramref name="envText"/>; values that are not scalars are left out.</summary>
    public static IReadOnlyList<ServiceImage> ReadImages(string composeText, string? envText, string composeFileName = "docker-compose.yml")
    {
        ArgumentNullException.ThrowIfNull(composeText);
        var (_, images) = ScanChecked(composeText, envText, new ComposeEditRequest(composeText, envText, string.Empty, "x", ComposeFileName: composeFileName));
        var variables = EnvFile.Parse(envText);
        return [.. images.Where(i => i.Problem is null).Select(i => new ServiceImage(i.Service, Interpolation.Resolve(i.Value, variables), i.Line))];
    }

    private static (int Offset, IReadOnlyList<ImageScalar> Images) ScanChecked(string composeText, string? envText, ComposeEditRequest request)
    {
        CheckSize(request.ComposeFileName, composeText);
        CheckSize(request.EnvFileName, envText);

        // The scanner sees the text without its byte order mark; spans are shifted back by its length.
        var offset = composeText.StartsWith('\uFEFF') ? 1 : 0;
        var images = ComposeImageScanner.Scan(composeText[offset..], request.ComposeFileName);
        AliasBudget.Check(composeText[offset..], request.ComposeFileName);
        return (offset, images);
    }

    private static void CheckSize(string fileName, string? text)
    {
        if (text is not null && text.Length > MaxCharacters)
        {
            throw new ComposeEditException(fileName, 0, $"is {text.Length} characters, more than the {MaxCharacters} a compose file may have here");
        }
    }

    [GeneratedRegex(@"^sha256:[a-f0-9]{64}\z")]
    private static partial Regex Digest();
}
