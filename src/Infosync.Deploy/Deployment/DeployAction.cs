namespace Infosync.Deploy.Deployment;

/// <summary>What an attempt does to an environment; a rollback is a deploy of an earlier image.</summary>
public enum DeployAction
{
    /// <summary>Moves the environment to the image the run builds or names.</summary>
    Deploy,

    /// <summary>Moves the environment back to an image it ran before.</summary>
    Rollback,
}

/// <summary>How an attempt ended, as its history entry records it.</summary>
public enum DeployOutcome
{
    /// <summary>The environment runs the new image, healthy.</summary>
    Succeeded,

    /// <summary>The attempt changed nothing, or was undone.</summary>
    Failed,
}

/// <summary>The words the history and the lock use for actions and outcomes.</summary>
public static class DeployWords
{
    /// <summary><c>deploy</c> or <c>rollback</c>.</summary>
    public static string Word(this DeployAction action) => action == DeployAction.Deploy ? "deploy" : "rollback";

    /// <summary><c>succeeded</c> or <c>failed</c>.</summary>
    public static string Word(this DeployOutcome outcome) => outcome == DeployOutcome.Succeeded ? "succeeded" : "failed";
}
