namespace Infosync.Deploy.Compose;

internal sealed class ServiceImageResolver(EnvFile env, string composeFileName)
{
    public string Resolve(string text, string service, ImageScalar scalar) =>
        Guard(() => Interpolation.Resolve(text, env.Lookup), service, scalar);

    public ImageTemplate Parse(string service, ImageScalar scalar) =>
        Guard(() => ImageTemplate.Parse(scalar.Value), service, scalar);

    public IReadOnlyList<ServiceImage> ReadAll(ComposeDocument document)
    {
        var images = new List<ServiceImage>();
        foreach (var service in document.Services)
        {
            if (service.Image is not null)
            {
                var scalar = service.Image.ScalarOrThrow(composeFileName, service.Name);
                images.Add(new ServiceImage(service.Name, Resolve(scalar.Value, service.Name, scalar), scalar.Line, composeFileName));
            }
        }

        return images;
    }

    public ComposeEditException Problem(string service, ImageScalar scalar, string problem) =>
        new(composeFileName, scalar.Line, $"service {service}: {problem}");

    private T Guard<T>(Func<T> read, string service, ImageScalar scalar)
    {
        try
        {
            return read();
        }
        catch (FormatException exception)
        {
            throw Problem(service, scalar, exception.Message);
        }
    }
}
