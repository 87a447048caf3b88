namespace Infosync.Deploy.Compose;

/// <summary>One <c>KEY=value</c> line of a <c>.env</c> file and where its value sits.</summary>
/// <param name="Key">The variable's name.</param>
/// <param name="ValueStart">Offset of the value's first character, inside the quotes when quoted.</param>
/// <param name="ValueLength">Length of the value's text, without quotes.</param>
/// <param name="Quote">The quote around the value (<c>'</c> or <c>"</c>), or <c>\0</c> when unquoted.</param>
/// <param name="Line">The 1-based line of the assignment.</param>
internal sealed record EnvAssignment(string Key, int ValueStart, int ValueLength, char Quote, int Line)
{
    public const char Unquoted = '\0';

    public string RawValue(string text) => text.Substring(ValueStart, ValueLength);
}
