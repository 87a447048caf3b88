using Infosync.Deploy.Deployment;
using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class RunOriginTests
{
    private static readonly string JobUrl = "https://gitlab.example.com/department-of-platform-engineering/web-services/" +
        new string('x', 50) + "/infosync-deploy/-/jobs/4711";

    [Fact]
    public void GitLabs_job_and_pipeline_urls_are_kept_whole_however_deep_the_group()
    {
        var origin = RunOrigin.Read(GitLab(("CI_JOB_URL", JobUrl), ("CI_PIPELINE_URL", JobUrl.Replace("jobs", "pipelines", StringComparison.Ordinal))));

        var refusal = new LockHolder(origin.Who, "deploy", "v2", DateTimeOffset.UtcNow, origin.PipelineUrl, origin.JobUrl).Describe(DateTimeOffset.UtcNow);

        Assert.True(JobUrl.Length > 150, JobUrl.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JobUrl, origin.JobUrl);
        Assert.Equal(JobUrl.Replace("jobs", "pipelines", StringComparison.Ordinal), origin.PipelineUrl);
        Assert.EndsWith(", " + JobUrl, refusal, StringComparison.Ordinal);
        Assert.Equal("release-bot (GitLab)", origin.Who);
    }

    [Fact]
    public void A_url_with_control_characters_is_made_inert_and_one_line()
    {
        var origin = RunOrigin.Read(GitLab(("CI_JOB_URL", "https://gitlab.example.com/jobs/1\u001b[2J\nError: forged")));

        Assert.Equal("https://gitlab.example.com/jobs/1 Error: forged", origin.JobUrl);
    }

    [Fact]
    public void Outside_GitLab_the_holder_is_the_local_user_and_there_are_no_urls()
    {
        var origin = RunOrigin.Read(new DictionarySettingSource(variables: new Dictionary<string, string> { ["GITLAB_USER_LOGIN"] = "someone" }));

        Assert.False(origin.InGitLab);
        Assert.Equal($"{Environment.UserName}@{Environment.MachineName}", origin.Who);
        Assert.Null(origin.JobUrl);
        Assert.Null(origin.PipelineUrl);
    }

    private static DictionarySettingSource GitLab(params (string Name, string Value)[] variables)
    {
        var all = new Dictionary<string, string> { ["GITLAB_CI"] = "true", ["GITLAB_USER_LOGIN"] = "release-bot" };
        foreach (var (name, value) in variables)
        {
            all[name] = value;
        }

        return new DictionarySettingSource(variables: all);
    }
}
