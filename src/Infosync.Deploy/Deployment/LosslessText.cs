using System.Text;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Text of a server's file that turns back into exactly the bytes it came from. Valid UTF-8 (a byte order mark
/// included) decodes as usual; a file that is not valid UTF-8, such as one with a Latin-1 comment, has each byte
/// UTF-8 cannot decode mapped to a private-use character (U+F780 + byte), which encodes back to that byte.
/// </summary>
public static class LosslessText
{
    private const char EscapeBase = '\uF700';
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="bytes"/>.</summary>
    /// <exception cref="FormatException">The bytes mix invalid UTF-8 with the private-use characters used for it.</exception>
    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return DecodeEscaping(bytes);
        }
    }

    /// <summary>The bytes of <paramref name="text"/>, as <see cref="Decode"/> read them.</summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAnyInRange((char)(EscapeBase + 0x80), (char)(EscapeBase + 0xFF)))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        using var bytes = new MemoryStream(text.Length + 16);
        var start = 0;
        for (var index = 0; index <= text.Length; index++)
        {
            if (index < text.Length && !IsEscape(text[index]))
            {
                continue;
            }

            var run = Encoding.UTF8.GetBytes(text[start..index]);
            bytes.Write(run);
            if (index < text.Length)
            {
                bytes.WriteByte((byte)(text[index] - EscapeBase));
            }

            start = index + 1;
        }

        return bytes.ToArray();
    }

    private static bool IsEscape(char character) => character >= EscapeBase + 0x80 && character <= EscapeBase + 0xFF;

    private static string DecodeEscaping(byte[] bytes)
    {
        var decoder = Strict.GetDecoder();
        var text = new StringBuilder(bytes.Length);
        var chars = new char[4];
        var index = 0;
        while (index < bytes.Length)
        {
            var length = SequenceLength(bytes, index);
            if (length > 0)
            {
                var count = decoder.GetChars(bytes, index, length, chars, 0, flush: true);
                text.Append(chars, 0, count);
                index += length;
                continue;
            }

            text.Append((char)(EscapeBase + bytes[index]));
            index++;
        }

        var result = text.ToString();
        if (!Encode(result).AsSpan().SequenceEqual(bytes))
        {
            throw new FormatException("the file mixes bytes that are not UTF-8 with private-use characters U+F780 to U+F7FF");
        }

        return result;
    }

    // The length of the valid UTF-8 sequence at index, or 0 when the byte there starts none.
    private static int SequenceLength(byte[] bytes, int index)
    {
        var first = bytes[index];
        var length = first < 0x80 ? 1 : first is >= 0xC2 and <= 0xDF ? 2 : first is >= 0xE0 and <= 0xEF ? 3 : first is >= 0xF0 and <= 0xF4 ? 4 : 0;
        if (length == 0 || index + length > bytes.Length)
        {
            return 0;
        }

        try
        {
            _ = Strict.GetCharCount(bytes, index, length);
            return length;
        }
        catch (DecoderFallbackException)
        {
            return 0;
        }
    }
}
