namespace Infosync.Deploy.Compose;

/// <summary>
/// What a mapping's <c>image</c> key holds: a scalar that can be edited, or the reason it cannot.
/// The reason is kept rather than thrown because only mappings that turn out to be services matter.
/// </summary>
/// <param name="Scalar">The scalar, or null when <paramref name="Problem"/> is set.</param>
/// <param name="Line">The 1-based line of the value.</param>
/// <param name="Problem">Why the value cannot be used, or null.</param>
internal sealed record ImageValue(ImageScalar? Scalar, int Line, string? Problem)
{
    public static ImageValue Found(ImageScalar scalar) => new(scalar, scalar.Line, null);

    public static ImageValue Invalid(int line, string problem) => new(null, line, problem);

    public ImageScalar ScalarOrThrow(string fileName, string service) =>
        Scalar ?? throw new ComposeEditException(fileName, Line, $"service {service}: {Problem}");
}
