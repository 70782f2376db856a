using EcoBid.Server.Items.Bulk;

namespace EcoBid.Server.Tests.Items.Bulk;

public sealed class CsvRecordsTests
{
    public static TheoryData<string, string[][]> Readable() => new()
    {
        { "a,b\nc,d", [["a", "b"], ["c", "d"]] },
        { "a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]] },
        { "a,,c\n", [["a", "", "c"]] },
        { "\"a,b\",\"say \"\"hi\"\"\"\n", [["a,b", "say \"hi\""]] },
        { "\"two\nlines\",x\n", [["two\nlines", "x"]] },
        { "a\n\n\nb\n", [["a"], ["b"]] },
        { "\"\"\n", [[""]] },
        { "a,b,\n", [["a", "b", ""]] },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Fields_are_split_as_RFC_4180_says(string text, string[][] expected)
    {
        var (records, error) = CsvRecords.Parse(text);
        error.ShouldBeNull();
        records.Select(r => r.Fields.ToArray()).ToArray().ShouldBe(expected);
    }

    [Fact]
    public void Each_record_knows_the_line_it_starts_on()
    {
        var (records, _) = CsvRecords.Parse("h\n\"a\nb\"\n\nc\n");
        records.Select(r => r.Line).ShouldBe([1, 2, 5]);
    }

    [Theory]
    [InlineData("a,\"open\nb,c\n", "Line 1: a quoted field is not closed.")]
    [InlineData("a\nb,\"x\"y\n", "Line 2: only a comma or the end of the line may follow a closing quote.")]
    [InlineData("a\nb\nc\"d\n", "Line 3: a quote inside an unquoted field; quote the whole field and double the quotes in it.")]
    public void Malformed_text_is_refused_naming_the_line(string text, string message)
    {
        var (records, error) = CsvRecords.Parse(text);
        error.ShouldBe(message);
        records.ShouldBeEmpty();
    }
}
