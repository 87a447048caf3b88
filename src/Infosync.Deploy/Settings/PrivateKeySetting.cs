using System.Text;
using Infosync.Deploy.Secrets;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Infosync.Deploy.Settings;

/// <summary>
/// Reads an SSH private key given as its text or as a path (GitLab file variables give a path). Line ends are made
/// LF, so text pasted with CRLF works; an encrypted key needs its passphrase, and is checked to open with it.
/// </summary>
internal static class PrivateKeySetting
{
    public static Secret? Read(SettingsReader reader, SettingName name, Secret? passphrase, SettingName passphraseName)
    {
        var value = reader.Optional(name);
        if (value is null)
        {
            return null;
        }

        string text;
        if (value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            text = value;
        }
        else if (SettingRules.IsPrintable(value) && File.Exists(value))
        {
            text = File.ReadAllText(value);
        }
        else
        {
            // Never echo the value: it may be a mangled key.
            reader.Invalid(name, "is neither a private key's text nor the path of an existing file");
            return null;
        }

        var key = new Secret(text.Trim().ReplaceLineEndings("\n") + "\n");
        var problem = Open(key, null) switch
        {
            KeyCheck.Opens => null,
            KeyCheck.Encrypted when passphrase is null => $"is encrypted: give its passphrase in {passphraseName.Display}",
            KeyCheck.Encrypted when Open(key, passphrase) != KeyCheck.Opens =>
                $"does not open with the passphrase in {passphraseName.Display} (wrong passphrase?)",
            KeyCheck.Encrypted => null,
            _ => "is not a private key SSH.NET can read (OpenSSH, PEM or PKCS#8 format)",
        };
        if (problem is not null)
        {
            reader.Invalid(name, problem);
            return null;
        }

        return key;
    }

    /// <summary>Opens the key for SSH.NET, decrypting it with <paramref name="passphrase"/> when given.</summary>
    public static PrivateKeyFile Load(Secret key, Secret? passphrase)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(key.Reveal()));
        return passphrase is null ? new PrivateKeyFile(stream) : new PrivateKeyFile(stream, passphrase.Reveal());
    }

    private static KeyCheck Open(Secret key, Secret? passphrase)
    {
        try
        {
            Load(key, passphrase).Dispose();
            return KeyCheck.Opens;
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            return KeyCheck.Encrypted;
        }
        catch (Exception exception) when (exception is SshException or ArgumentException or InvalidOperationException
            or NotSupportedException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            return KeyCheck.Unreadable;
        }
    }

    private enum KeyCheck
    {
        Opens,
        Encrypted,
        Unreadable,
    }
}
