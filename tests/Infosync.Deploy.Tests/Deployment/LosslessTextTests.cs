using System.Text;
using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class LosslessTextTests
{
    public static TheoryData<byte[]> Files()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# with a BOM\nservices: {}\n")];
        byte[] latin1 = [.. Encoding.ASCII.GetBytes("# M"), 0xFC, .. Encoding.ASCII.GetBytes("ller, Latin-1\nservices: {}\n")];
        byte[] broken = [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE];
        return new TheoryData<byte[]>
        {
            Encoding.UTF8.GetBytes("services:\n  web:\n    image: r/p/n:v1\n"),
            bom,
            latin1,
            broken,
            Encoding.UTF8.GetBytes("# Gr\u00fc\u00dfe, \u65e5\u672c, \U0001F600\r\n"),
            Array.Empty<byte>(),
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Bytes_survive_a_round_trip_through_text(byte[] bytes)
    {
        var text = LosslessText.Decode(bytes);

        Assert.Equal(bytes, LosslessText.Encode(text));
    }

    [Fact]
    public void Valid_utf8_reads_as_its_characters()
    {
        Assert.Equal("# Gr\u00fc\u00dfe", LosslessText.Decode(Encoding.UTF8.GetBytes("# Gr\u00fc\u00dfe")));
    }

    [Fact]
    public void An_edit_of_the_ascii_parts_keeps_a_latin1_comment_byte_for_byte()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("# caf"), 0xE9, .. Encoding.ASCII.GetBytes("\nimage: r/p/n:v1\n")];

        var edited = LosslessText.Encode(LosslessText.Decode(bytes).Replace("v1", "v2", StringComparison.Ordinal));

        Assert.Equal([.. Encoding.ASCII.GetBytes("# caf"), 0xE9, .. Encoding.ASCII.GetBytes("\nimage: r/p/n:v2\n")], edited);
    }

    [Fact]
    public void Invalid_utf8_mixed_with_the_private_use_characters_it_would_use_is_refused()
    {
        byte[] bytes = [0xFC, .. Encoding.UTF8.GetBytes("\uF7FC")];

        Assert.Throws<FormatException>(() => LosslessText.Decode(bytes));
    }
}
