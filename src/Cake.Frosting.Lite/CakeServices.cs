using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Packaging;
using Cake.Core.Tooling;

namespace Cake.Frosting;

/// <summary>Builds the engine's context from Cake.Core's own services, as Frosting's container would.</summary>
internal static class CakeServices
{
    public static CakeContext CreateContext(
        HostOptions options, IConsole console, ICakeEnvironment environment, CakeDataService data, Func<ICakeLog, ICakeLog> wrapLog)
    {
        var log = wrapLog(new CakeBuildLog(console, options.Verbosity));
        var fileSystem = new FileSystem();
        var globber = new Globber(fileSystem, environment);
        var configuration = new CakeConfiguration(new Dictionary<string, string>());
        var toolLocator = new ToolLocator(
            environment,
            new ToolRepository(environment),
            new ToolResolutionStrategy(fileSystem, environment, globber, configuration, log));
        var processRunner = new ProcessRunner(fileSystem, environment, log, toolLocator, configuration);
        return new CakeContext(
            fileSystem, environment, globber, log, new CakeArguments(options.Arguments), processRunner,
            new WindowsRegistry(), toolLocator, data, configuration,
            new NoToolInstaller(), new NoServices());
    }

    /// <summary>Tools are found on PATH; nothing is installed at run time.</summary>
    private sealed class NoToolInstaller : IToolInstaller
    {
        public IEnumerable<FilePath> Install(PackageReference tool) =>
            throw new NotSupportedException($"Installing tools is not supported; put '{tool.Package}' on PATH.");
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
