using System.Text;
using Infosync.Deploy.Secrets;
using Renci.SshNet;

namespace Infosync.Deploy.Settings;

/// <summary>Reads an SSH private key given as its text or as a path (GitLab file variables give a path).</summary>
internal static class PrivateKeySetting
{
    public static Secret? Read(SettingsReader reader, SettingName name)
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

        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));
            _ = new PrivateKeyFile(stream);
        }
        catch (Exception exception) when (exception is Renci.SshNet.Common.SshException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            reader.Invalid(name, "is not a private key SSH.NET can read (encrypted keys are not supported)");
            return null;
        }

        return new Secret(text.ReplaceLineEndings("\n"));
    }
}
