namespace Infosync.Deploy.Tests.Rig;

/// <summary>gitlab-ci-local, pinned in tests/gitlab-ci/package.json, run on the repository with the shell executor.</summary>
public static class GitLabCiLocal
{
    public static Task<ProcessRun> RunAsync(params string[] arguments) =>
        ProcessRun.StartAsync(
            Path.Combine(Rig.RepositoryRoot, "tests", "gitlab-ci", "node_modules", ".bin", "gitlab-ci-local"),
            ["--no-color", "--max-job-name-padding=0", .. arguments],
            timeout: TimeSpan.FromMinutes(10));
}
