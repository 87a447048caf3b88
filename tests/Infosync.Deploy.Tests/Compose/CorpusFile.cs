using System.Text;

namespace Infosync.Deploy.Tests.Compose;

internal static class CorpusFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Compose", "Corpus");

    public static string Read(string name) => ReadOrNull(name) ?? throw new FileNotFoundException(name);

    public static string? ReadOrNull(string name)
    {
        var path = Path.Combine(Directory, name);

        // Encoding.GetString keeps a leading BOM as U+FEFF, unlike File.ReadAllText.
        return File.Exists(path) ? StrictUtf8.GetString(File.ReadAllBytes(path)) : null;
    }

    public static string? EnvBeside(string composeName) => ReadOrNull(Path.ChangeExtension(composeName, ".env"));

    public static byte[] Bytes(string text) => StrictUtf8.GetBytes(text);
}
