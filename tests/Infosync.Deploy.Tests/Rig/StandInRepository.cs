namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// The repository's build.sh and build.ps1 with the root files they watch, around a small stand-in host, in a
/// temporary directory: rebuild tests publish there and leave the suite's shared host in build/bin/publish alone.
/// The stand-in prints its arguments as a JSON array, or, given "--exit N", a line on stderr and exits N.
/// </summary>
public sealed class StandInRepository : IDisposable
{
    /// <summary>The files at the repository's root that both scripts watch besides build/ and src/.</summary>
    public static readonly string[] WatchedRootFiles =
        ["global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig"];

    /// <summary>The two scripts: what a bash user and what a PowerShell user runs.</summary>
    public static readonly string[] Scripts = ["build.sh", "build.ps1"];

    /// <summary>Present at the root, it makes the stand-in's build touch an input halfway, as an edit during a build would.</summary>
    public const string EditDuringBuildMarker = "edit-during-build";

    public const string EditedDuringBuild = "src/StandIn/Greeting.cs";

    private const string BuildProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <AssemblyName>Build</AssemblyName>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../src/StandIn/StandIn.csproj" />
          </ItemGroup>
          <Target Name="EditAnInputDuringTheBuild" BeforeTargets="CoreCompile" Condition="Exists('$(MSBuildThisFileDirectory)../edit-during-build')">
            <Touch Files="$(MSBuildThisFileDirectory)../src/StandIn/Greeting.cs" />
          </Target>
        </Project>
        """;

    private const string Program = """
        if (args is ["--exit", var code])
        {
            Console.Error.WriteLine(StandIn.Greeting.Text + " fails");
            return int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        }

        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(args));
        return 0;
        """;

    private const string Greeting = """
        namespace StandIn;

        /// <summary>What the stand-in host says.</summary>
        public static class Greeting
        {
            /// <summary>The text.</summary>
            public const string Text = "stand-in host";
        }
        """;

    private StandInRepository(string root) => Root = root;

    public string Root { get; }

    public string Stamp => Path.Combine(Root, "build", "bin", "publish", ".inputs-built");

    public string HostDll => Path.Combine(Root, "build", "bin", "publish", "Build.dll");

    public static StandInRepository Create()
    {
        var repository = new StandInRepository(Directory.CreateTempSubdirectory("infosync-scripts-").FullName);
        foreach (var file in Scripts.Concat(WatchedRootFiles))
        {
            File.Copy(Path.Combine(Rig.RepositoryRoot, file), repository.PathOf(file));
        }

        repository.Write("build/Build.csproj", BuildProject);
        repository.Write("build/Program.cs", Program);
        repository.Write("src/StandIn/StandIn.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        repository.Write(EditedDuringBuild, Greeting);
        return repository;
    }

    /// <summary>The arguments the stand-in host printed, or why there are none.</summary>
    public static string[] Echoed(ProcessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string[]>(run.StandardOutput) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            throw new InvalidOperationException($"The stand-in host printed no arguments (exit {run.ExitCode}): {run.Output}");
        }
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text.ReplaceLineEndings("\n") + "\n");
    }

    /// <summary>Sets the file's modification time to now, creating it (and its directory) if needed, as touch does.</summary>
    public void Touch(string relative)
    {
        if (!File.Exists(PathOf(relative)))
        {
            Write(relative, string.Empty);
        }

        File.SetLastWriteTimeUtc(PathOf(relative), DateTime.UtcNow);
    }

    /// <summary>The stamp's and the published host's modification times: both stay put when nothing is published.</summary>
    public (DateTime Stamp, DateTime Host) Published() => (File.GetLastWriteTimeUtc(Stamp), File.GetLastWriteTimeUtc(HostDll));

    public Task<ProcessRun> RunAsync(Rig rig, string script, params string[] arguments) =>
        RunAsync(rig, script, new Dictionary<string, string>(), arguments);

    public Task<ProcessRun> RunAsync(Rig rig, string script, IReadOnlyDictionary<string, string> variables, params string[] arguments) =>
        PowerShellBuild.RunScriptAsync(rig, PathOf(script), variables, arguments);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
