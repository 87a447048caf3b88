using System.Security.Cryptography;

namespace Infosync.Deploy.Deployment;

/// <summary>A file as read from a server, or as it is to be written: its path, exact bytes and their text.</summary>
public sealed record ServerFile(string Path, byte[] Bytes)
{
    /// <summary>What <see cref="Sha256"/> says of a file that does not exist.</summary>
    public const string Absent = "absent";

    /// <summary>The bytes as text that encodes back to them (see <see cref="LosslessText"/>).</summary>
    public string Text { get; } = LosslessText.Decode(Bytes);

    /// <summary>The lowercase hex SHA-256 of the bytes, which a write compares with the file on the server.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));

    /// <summary>The file's name without its directory.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The same path with other text.</summary>
    public ServerFile WithText(string text) => new(Path, LosslessText.Encode(text));

    /// <summary>Whether both hold the same bytes.</summary>
    public bool SameBytes(ServerFile? other) => other is not null && Sha256 == other.Sha256;

    /// <summary>The SHA-256 of the file, or <see cref="Absent"/> for a file that does not exist.</summary>
    public static string Sha256Of(ServerFile? file) => file?.Sha256 ?? Absent;
}
