namespace Infosync.Deploy.Settings;

/// <summary>Who started this run and from where: a GitLab pipeline, or a person at a machine.</summary>
public sealed record RunOrigin(bool InGitLab, string Who, string? PipelineUrl, string? JobUrl)
{
    /// <summary>Reads GitLab's predefined variables, falling back to the local user and host.</summary>
    public static RunOrigin Read(ISettingSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var inGitLab = !string.IsNullOrEmpty(source.Variable("GITLAB_CI"));
        var gitLabUser = source.Variable("GITLAB_USER_LOGIN");
        var who = inGitLab && !string.IsNullOrEmpty(gitLabUser)
            ? $"{gitLabUser} (GitLab)"
            : $"{System.Environment.UserName}@{System.Environment.MachineName}";
        return new RunOrigin(inGitLab, SettingRules.Shorten(who), NonEmpty(source.Variable("CI_PIPELINE_URL")),
            NonEmpty(source.Variable("CI_JOB_URL")));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : SettingRules.Shorten(value);
}
