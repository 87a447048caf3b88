using System.Diagnostics;

namespace Infosync.Deploy.Tests.Settings;

/// <summary>Throw-away ed25519 keys made by ssh-keygen, once per test class: one plain, one encrypted with a passphrase.</summary>
public sealed class TestKeys : IDisposable
{
    // Not the rig's passphrase: ssh-keygen takes it in argv, and the rig's secret tests sample every process on the
    // machine while these unit tests may run beside them.
    public const string Passphrase = "Unit key pw;'\"$(id)&|";

    private readonly string directory = Directory.CreateTempSubdirectory("infosync-keys-").FullName;

    public TestKeys()
    {
        PlainPath = Generate("plain", string.Empty);
        EncryptedPath = Generate("encrypted", Passphrase);
    }

    public string PlainPath { get; }

    public string EncryptedPath { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Generate(string name, string passphrase)
    {
        var path = Path.Combine(directory, name);
        var start = new ProcessStartInfo("ssh-keygen") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-q", "-t", "ed25519", "-N", passphrase, "-C", "infosync-test", "-f", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException("ssh-keygen failed");
    }
}
