using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>What build.sh and build.ps1 pass between the caller and the host: arguments, output, exit code.</summary>
[Collection(RigTests.Name)]
public sealed class BuildScriptPassThroughTests(RigFixture fixture, StandInRepositories copies)
{
    public static TheoryData<string> EachScript() => [.. StandInRepository.Scripts];

    [Theory]
    [MemberData(nameof(EachScript))]
    public async Task Arguments_reach_the_host_unchanged_and_its_output_and_exit_code_come_back(string script)
    {
        var copy = await copies.UpToDateAsync(fixture.Rig, script);
        string[] arguments =
        [
            "--target=DeployDev", "--image-tag=a b  c", "--quotes=it's \"quoted\"", "--dollar=$HOME ${PATH} $(id) `id` $1 $args",
            "--user=robot$infosync+ci", string.Empty, "--lines=tab\tline\nnext", "-Verbose", "--", "-", "*", "--glob=build/*",
            "--shell=a;b|c&d>e<f", "--unicode=ünï ✓", "--backslash=C:\\path\\", "@args", "--%", "~", "~/x", "[ab]",
            "--harbor-host=localhost:5443", "--health-url=http://127.0.0.1:18081/health", "-name:value", "--colon:",
        ];

        var echoed = await copy.RunAsync(fixture.Rig, script, arguments);
        var failing = await copy.RunAsync(fixture.Rig, script, "--exit", "42");

        Assert.True(echoed.ExitCode == 0, echoed.Output);
        Assert.Equal(arguments, StandInRepository.Echoed(echoed));
        Assert.Equal(string.Empty, echoed.StandardError);
        Assert.Equal(42, failing.ExitCode);
        Assert.Equal(string.Empty, failing.StandardOutput);
        Assert.Equal("stand-in host fails\n", failing.StandardError);
    }

    [Theory]
    [MemberData(nameof(EachScript))]
    public async Task Without_dotnet_on_PATH_the_script_says_so_on_stderr_and_exits_1(string script)
    {
        // A PATH with what build.sh needs (bash and dirname) and no dotnet; pwsh is started by its full path.
        var bin = Directory.CreateTempSubdirectory("infosync-no-dotnet-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(bin.FullName, "bash"), "/bin/bash");
            File.CreateSymbolicLink(Path.Combine(bin.FullName, "dirname"), "/usr/bin/dirname");
            var environment = new Dictionary<string, string> { ["PATH"] = bin.FullName, ["POWERSHELL_TELEMETRY_OPTOUT"] = "1" };
            var path = PowerShellBuild.RepositoryScript(script);
            var (program, arguments) = script == "build.ps1"
                ? PowerShellBuild.PwshWithoutPath(fixture.Rig, path, "--help")
                : (path, ["--help"]);

            var run = await ProcessRun.StartAsync(program, arguments, environment);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(string.Empty, run.StandardOutput);
            Assert.Equal($"{script}: the .NET SDK (dotnet) is not on PATH; install .NET 10 (see global.json).\n", run.StandardError);
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }
}
