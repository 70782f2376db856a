using EcoBid.Jsonata.Runtime;

namespace EcoBid.Jsonata.Tests.Runtime;

public class NodeBase64Tests
{
    [Theory]
    [InlineData("hello", "aGVsbG8=")]
    [InlineData("", "")]
    [InlineData("\u00e9", "6Q==")]
    [InlineData("\u0100A", "AEE=")]
    public void Encodes_the_low_byte_of_each_character(string text, string expected) =>
        NodeBase64.EncodeBinaryString(text).ShouldBe(expected);

    [Theory]
    [InlineData("aGVsbG8=", "hello")]
    [InlineData("aGVs bG8", "hello")]
    [InlineData("aGVs\nbG8=trailing", "hello")]
    [InlineData("_-8", "\u00ff\u00ef")]
    [InlineData("6Q==", "\u00e9")]
    [InlineData("!!!", "")]
    public void Decodes_leniently_as_node_does(string base64, string expected) =>
        NodeBase64.DecodeToBinaryString(base64).ShouldBe(expected);
}
