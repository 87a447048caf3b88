namespace Infosync.Deploy.Compose;

/// <summary>A compose or <c>.env</c> file that cannot be edited safely; the message is <c>file:line: problem</c>.</summary>
public sealed class ComposeEditException : Exception
{
    /// <summary>Creates the exception for a place in a file.</summary>
    public ComposeEditException(string fileName, int line, string problem)
        : base($"{fileName}:{line}: {problem}")
    {
        FileName = fileName;
        Line = line;
    }

    /// <summary>Creates the exception.</summary>
    public ComposeEditException()
        : this("docker-compose.yml", 0, "cannot be edited")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ComposeEditException(string message)
        : this("docker-compose.yml", 0, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ComposeEditException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "docker-compose.yml";
    }

    /// <summary>The file at fault.</summary>
    public string FileName { get; } = "docker-compose.yml";

    /// <summary>The 1-based line at fault; 0 when no line applies.</summary>
    public int Line { get; }
}
