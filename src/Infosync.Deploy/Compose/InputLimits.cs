using System.Text;

namespace Infosync.Deploy.Compose;

// Limits that keep hostile input cheap to refuse.
internal static class InputLimits
{
    // The one size limit for files the tool reads, on the server and in the editor; messages name it in MiB.
    public const int MaxFileMebibytes = 1;

    public const int MaxFileBytes = MaxFileMebibytes * 1024 * 1024;

    // Collections nest a few levels in real compose files; YamlDotNet's scanner slows down
    // quadratically with flow nesting, so deep nesting is refused before it costs anything.
    public const int MaxNestingDepth = 64;

    // Compose allows ${A:-${B:-...}}; a bounded depth keeps recursion cheap on hostile input.
    public const int MaxInterpolationDepth = 8;

    public static void EnsureSmallEnough(string text, string fileName)
    {
        // Every UTF-16 character takes at least one UTF-8 byte, so the length alone can refuse early.
        if (text.Length > MaxFileBytes || Encoding.UTF8.GetByteCount(text) > MaxFileBytes)
        {
            throw new ComposeEditException(fileName, 0, $"the file is larger than {MaxFileMebibytes} MiB; refusing to read it");
        }
    }
}
