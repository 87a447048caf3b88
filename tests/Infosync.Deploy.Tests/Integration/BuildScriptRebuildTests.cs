using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// build.sh and build.ps1 rebuild the host exactly when an input changed, in a copy of the scripts around a stand-in
/// host (so the suite's shared host is never republished). A publish is seen by the stamp's modification time.
/// </summary>
[Collection(RigTests.Name)]
public sealed class BuildScriptRebuildTests(RigFixture fixture, StandInRepositories copies)
{
    public static TheoryData<string> EachScript() => [.. StandInRepository.Scripts];

    public static TheoryData<string, string> WatchedInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var script in StandInRepository.Scripts)
        {
            foreach (var input in new[] { "build/Program.cs", StandInRepository.EditedDuringBuild }.Concat(StandInRepository.WatchedRootFiles))
            {
                data.Add(script, input);
            }
        }

        return data;
    }

    public static TheoryData<string, string> IgnoredFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var script in StandInRepository.Scripts)
        {
            foreach (var file in new[] { "build/bin/publish/notes.txt", "build/obj/notes.txt", "src/StandIn/bin/notes.txt", "src/StandIn/obj/notes.txt", "README.md" })
            {
                data.Add(script, file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WatchedInputs))]
    public async Task Touching_a_watched_input_publishes_once_before_the_host_runs(string script, string input)
    {
        var copy = await copies.UpToDateAsync(fixture.Rig, script);
        var before = copy.Published();
        copy.Touch(input);

        var touched = await copy.RunAsync(fixture.Rig, script, "touched", input);
        var published = copy.Published();
        var again = await copy.RunAsync(fixture.Rig, script, "again");

        Assert.True(touched.ExitCode == 0, touched.Output);
        Assert.Equal(["touched", input], StandInRepository.Echoed(touched));
        Assert.True(published.Stamp > before.Stamp, $"{input} was touched, yet {script} published nothing");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(published, copy.Published());
    }

    [Theory]
    [MemberData(nameof(IgnoredFiles))]
    public async Task A_file_in_bin_or_obj_or_outside_the_inputs_publishes_nothing(string script, string file)
    {
        var copy = await copies.UpToDateAsync(fixture.Rig, script);
        var before = copy.Published();
        copy.Touch(file);

        var run = await copy.RunAsync(fixture.Rig, script, "unchanged");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["unchanged"], StandInRepository.Echoed(run));
        Assert.Equal(before, copy.Published());
        Assert.Equal(string.Empty, run.StandardError);
    }

    [Theory]
    [MemberData(nameof(EachScript))]
    public async Task An_input_edited_while_the_build_runs_is_published_by_the_next_run(string script)
    {
        var copy = await copies.UpToDateAsync(fixture.Rig, script);
        copy.Touch("build/Program.cs");
        copy.Touch(StandInRepository.EditDuringBuildMarker);
        ProcessRun during;
        try
        {
            during = await copy.RunAsync(fixture.Rig, script, "during");
        }
        finally
        {
            File.Delete(copy.PathOf(StandInRepository.EditDuringBuildMarker));
        }

        var afterEdit = copy.Published();
        var next = await copy.RunAsync(fixture.Rig, script, "next");

        Assert.True(during.ExitCode == 0, during.Output);
        // The stamp is the time the build started, so the edit the build made halfway is newer than it.
        Assert.True(File.GetLastWriteTimeUtc(copy.PathOf(StandInRepository.EditedDuringBuild)) > afterEdit.Stamp, "the stamp is later than an edit made during the build");
        Assert.True(next.ExitCode == 0, next.Output);
        Assert.True(copy.Published().Stamp > afterEdit.Stamp, $"{script} did not publish the edit made during the build");
    }

    [Theory]
    [MemberData(nameof(EachScript))]
    public async Task A_failed_publish_passes_on_dotnets_exit_code_and_keeps_the_old_stamp(string script)
    {
        var copy = await copies.UpToDateAsync(fixture.Rig, script);
        var before = copy.Published();
        var globalJson = File.ReadAllText(copy.PathOf("global.json"));
        copy.Write("global.json", """{ "sdk": { "version": "99.0.100", "rollForward": "disable" } }""");
        ProcessRun dotnet, failed, failedAgain;
        try
        {
            dotnet = await ProcessRun.StartAsync("dotnet", ["publish", copy.PathOf("build/Build.csproj")], workingDirectory: copy.Root);
            failed = await copy.RunAsync(fixture.Rig, script, "never runs");
            failedAgain = await copy.RunAsync(fixture.Rig, script, "never runs");
        }
        finally
        {
            File.WriteAllText(copy.PathOf("global.json"), globalJson);
        }

        var afterFailures = copy.Published();
        var fixedRun = await copy.RunAsync(fixture.Rig, script, "fixed");

        Assert.NotEqual(0, dotnet.ExitCode);
        Assert.NotEqual(1, dotnet.ExitCode);
        Assert.Equal(dotnet.ExitCode, failed.ExitCode);
        // The stale host did not run: a renewed stamp would have let the second run go straight to it.
        Assert.Equal(dotnet.ExitCode, failedAgain.ExitCode);
        Assert.Equal(string.Empty, failed.StandardOutput + failedAgain.StandardOutput);
        Assert.Contains("global.json", failed.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, afterFailures);
        Assert.False(File.Exists(copy.PathOf("build/bin/publish/.inputs-building")));
        Assert.True(fixedRun.ExitCode == 0, fixedRun.Output);
        Assert.Equal(["fixed"], StandInRepository.Echoed(fixedRun));
        Assert.True(copy.Published().Stamp > before.Stamp);
    }
}
