namespace Infosync.Deploy.Compose;

// The value span excludes the quotes, so a replacement keeps the quoting style.
internal sealed record EnvAssignment(string Key, int ValueStart, int ValueLength, char Quote, int Line)
{
    public const char Unquoted = '\0';

    public string RawValue(string text) => text.Substring(ValueStart, ValueLength);
}
