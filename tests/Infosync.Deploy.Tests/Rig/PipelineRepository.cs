namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// A scratch Git repository holding this repository's .gitlab-ci.yml and example-app, whose commits the pipeline
/// runs for: gitlab-ci-local takes CI_COMMIT_SHORT_SHA from the checked-out commit, so checking out an earlier one
/// and running a job is what GitLab does when it re-runs that job of the earlier pipeline. Its build.sh only hands
/// over to this repository's, so the jobs run the tool as built here.
/// </summary>
public sealed class PipelineRepository : IDisposable
{
    private PipelineRepository(string path) => Path = path;

    public string Path { get; }

    public static async Task<PipelineRepository> CreateAsync()
    {
        // Inside this repository's gitlab-ci-local state directory (ignored by Git): gitlab-ci-local wants a relative --cwd.
        var repository = new PipelineRepository(Directory.CreateDirectory(System.IO.Path.Combine(
            Rig.RepositoryRoot, ".gitlab-ci-local", $"pipeline-repository-{Guid.NewGuid():N}")).FullName);
        File.Copy(System.IO.Path.Combine(Rig.RepositoryRoot, ".gitlab-ci.yml"), System.IO.Path.Combine(repository.Path, ".gitlab-ci.yml"));
        var source = System.IO.Path.Combine(Rig.RepositoryRoot, "example-app");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(repository.Path, "example-app", System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var buildScript = System.IO.Path.Combine(repository.Path, "build.sh");
        File.WriteAllText(buildScript, $"#!/bin/sh\nexec '{System.IO.Path.Combine(Rig.RepositoryRoot, "build.sh")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(buildScript, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await repository.GitAsync("init", "--quiet");
        await repository.GitAsync("config", "user.name", "Pipeline Test");
        await repository.GitAsync("config", "user.email", "pipeline-test@example.com");
        await repository.GitAsync("add", "--all");
        return repository;
    }

    /// <summary>Commits what is staged (or nothing); returns the commit's CI_COMMIT_SHORT_SHA, its first 8 characters.</summary>
    public async Task<string> CommitAsync(string message)
    {
        await GitAsync("commit", "--quiet", "--allow-empty", "--message", message);
        return (await GitAsync("rev-parse", "HEAD")).Trim()[..8];
    }

    public Task CheckoutAsync(string commit) => GitAsync("checkout", "--quiet", "--detach", commit);

    /// <summary>gitlab-ci-local on this repository, with the variables file the rest of the suite writes for the rig.</summary>
    public Task<ProcessRun> RunJobsAsync(GitLabVariables variables, params string[] jobs) =>
        GitLabCiLocal.RunAsync(["--cwd", System.IO.Path.GetRelativePath(Rig.RepositoryRoot, Path), "--variables-file",
            System.IO.Path.GetRelativePath(Path, System.IO.Path.Combine(Rig.RepositoryRoot, variables.Path)), .. jobs]);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private async Task<string> GitAsync(params string[] arguments)
    {
        var run = await ProcessRun.StartAsync("git", ["-C", Path, .. arguments]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {run.Output}");
        }

        return run.StandardOutput;
    }
}
