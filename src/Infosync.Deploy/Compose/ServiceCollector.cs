using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

internal sealed class ServiceCollector(string fileName)
{
    private readonly List<ComposeService> _services = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _rootLine;
    private string? _rootProblem;
    private int _servicesLine;
    private string? _servicesProblem;
    private string? _name;

    public void SetRoot(ParsingEvent node, WalkFrame? collection, int line)
    {
        if (collection is { IsMapping: true })
        {
            return;
        }

        _rootLine = line;
        _rootProblem = node is Scalar { Value.Length: 0 }
            ? "the file is empty"
            : "the top level is not a mapping, so the file has no services";
    }

    public void SetServicesSection(int line, ParsingEvent node, WalkFrame? collection)
    {
        _servicesLine = line;
        if (collection is { IsMapping: true })
        {
            return;
        }

        _servicesProblem = node is Scalar { Value.Length: 0 }
            ? "services is empty"
            : "services is not a mapping of service names";
    }

    public void AddService(string name, int line, ImageValue? image)
    {
        // A merge key directly under services would merge whole service definitions; compose files do not do that.
        if (name == "<<")
        {
            return;
        }

        if (!_names.Add(name))
        {
            throw new ComposeEditException(fileName, line, $"service {name} is defined twice");
        }

        _services.Add(new ComposeService(name, line, image));
    }

    public void SetName(string name) => _name = name;

    // An override file may leave services out; the project as a whole must have them.
    public ComposeDocument ToDocument(bool requireServices)
    {
        if (_rootProblem is not null)
        {
            throw new ComposeEditException(fileName, _rootLine, _rootProblem);
        }

        if (!requireServices && _servicesProblem is null)
        {
            return new ComposeDocument(fileName, _services, _servicesLine) { Name = _name };
        }

        if (_servicesLine == 0)
        {
            throw new ComposeEditException(fileName, 1, "the file has no services section");
        }

        if (_servicesProblem is not null || _services.Count == 0)
        {
            throw new ComposeEditException(fileName, _servicesLine, _servicesProblem ?? "services is empty");
        }

        return new ComposeDocument(fileName, _services, _servicesLine) { Name = _name };
    }
}
