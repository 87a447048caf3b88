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
        return new RunOrigin(inGitLab, SettingRules.Shorten(who), Url(source.Variable("CI_PIPELINE_URL")), Url(source.Variable("CI_JOB_URL")));
    }

    // Kept whole, so that a refusal can name the job that holds the lock; only made safe to print.
    private static string? Url(string? value) =>
        string.IsNullOrEmpty(value) ? null : Secrets.InertText.OneLine(value.Length > 2048 ? value[..2048] : value);
}
