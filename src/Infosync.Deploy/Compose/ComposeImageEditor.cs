using System.Text;

namespace Infosync.Deploy.Compose;

/// <summary>
/// Changes the tag of one image repository in a compose file written by people, replacing only the
/// image scalars' text (or the <c>.env</c> values they refer to) and keeping every other byte.
/// </summary>
public static class ComposeImageEditor
{
    /// <summary>
    /// Gives every service whose image is <see cref="ComposeEditRequest.Repository"/> the new tag. Services that already
    /// have it are not reported; no service using the repository at all is an error.
    /// </summary>
    /// <param name="request">The texts and the change to make.</param>
    /// <returns>The new texts and the list of changes.</returns>
    /// <exception cref="ArgumentException">The repository, tag or digest is malformed.</exception>
    /// <exception cref="ComposeEditException">A file cannot be edited safely; write nothing.</exception>
    public static ComposeEdit ReplaceTag(ComposeEditRequest request)
    {
        var retag = Retag.From(request);
        var document = ComposeDocument.Read(request.ComposeText, request.ComposeFileName);
        var env = EnvFile.Read(request.EnvText, request.EnvFileName);
        var resolver = new ServiceImageResolver(env, request.ComposeFileName);
        var splices = new ImageEditPlanner(document, resolver, retag).Plan();

        var composeText = SpliceScalars(request.ComposeText, splices);
        var newline = EnvFile.FirstNewline(request.ComposeText) ?? "\n";
        var variables = splices
            .Where(splice => splice.Variable is not null)
            .DistinctBy(splice => splice.Variable)
            .Select(splice => KeyValuePair.Create(splice.Variable!, splice.NewValue))
            .ToList();
        var editedEnv = variables.Count == 0 ? env : env.With(variables, newline);

        var changes = splices
            .Select(splice => new ImageChange(
                splice.Service,
                splice.OldReference,
                splice.NewReference,
                splice.Variable is null ? splice.Scalar.Line : editedEnv.LineOf(splice.Variable) ?? 0,
                splice.Variable))
            .ToList();

        var after = ReadImages(composeText, editedEnv.Text, request.ComposeFileName, request.EnvFileName);
        EditVerifier.Verify(resolver.ReadAll(document), after, changes, request.ComposeFileName);
        return new ComposeEdit(composeText, ReferenceEquals(editedEnv, env) ? null : editedEnv.Text, changes);
    }

    /// <summary>Lists every service that has an image, with <c>${VAR}</c> and <c>${VAR:-default}</c> resolved.</summary>
    /// <param name="composeText">The compose file's text.</param>
    /// <param name="envText">The <c>.env</c> file's text, or null when there is none.</param>
    /// <param name="composeFileName">The compose file's name, used in error messages.</param>
    /// <returns>The services' images in file order.</returns>
    /// <exception cref="ComposeEditException">The file cannot be read as a compose file.</exception>
    public static IReadOnlyList<ServiceImage> ReadImages(string composeText, string? envText, string composeFileName = "docker-compose.yml")
    {
        ArgumentNullException.ThrowIfNull(composeText);
        ArgumentNullException.ThrowIfNull(composeFileName);
        return ReadImages(composeText, envText, composeFileName, ".env");
    }

    private static IReadOnlyList<ServiceImage> ReadImages(string composeText, string? envText, string composeFileName, string envFileName)
    {
        var document = ComposeDocument.Read(composeText, composeFileName);
        var env = EnvFile.Read(envText, envFileName);
        return new ServiceImageResolver(env, composeFileName).ReadAll(document);
    }

    private static string SpliceScalars(string text, List<ImageSplice> splices)
    {
        // Services that merge the same anchored mapping share one scalar; it is replaced once.
        var inScalars = splices
            .Where(splice => splice.Variable is null)
            .DistinctBy(splice => splice.Scalar.Start)
            .OrderBy(splice => splice.Scalar.Start)
            .ToList();
        if (inScalars.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + (16 * inScalars.Count));
        var copied = 0;
        foreach (var splice in inScalars)
        {
            result.Append(text, copied, splice.Scalar.Start - copied).Append(splice.Scalar.Render(splice.NewValue));
            copied = splice.Scalar.Start + splice.Scalar.Length;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }
}

/// <summary>The result of editing one compose file (and its <c>.env</c>): the new texts and the image changes.</summary>
/// <param name="ComposeText">The new compose text; equal to the input when nothing in it changed.</param>
/// <param name="EnvText">The new <c>.env</c> text, or null when the <c>.env</c> file needs no change.</param>
/// <param name="Changes">One entry for every service whose image reference changed, in file order.</param>
public sealed record ComposeEdit(string ComposeText, string? EnvText, IReadOnlyList<ImageChange> Changes);
