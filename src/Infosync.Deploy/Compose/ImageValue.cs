namespace Infosync.Deploy.Compose;

// The problem is kept rather than thrown because only mappings that turn out to be services matter.
internal sealed record ImageValue(ImageScalar? Scalar, int Line, string? Problem)
{
    public static ImageValue Found(ImageScalar scalar) => new(scalar, scalar.Line, null);

    public static ImageValue Invalid(int line, string problem) => new(null, line, problem);

    public ImageScalar ScalarOrThrow(string fileName, string service) =>
        Scalar ?? throw new ComposeEditException(fileName, Line, $"service {service}: {Problem}");
}
