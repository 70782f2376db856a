using EcoBid.Events.Patterns;

namespace EcoBid.Events.Tests.Patterns;

public sealed class EventPatternValidationTests
{
    private const string Lead = "Event pattern is not valid. Reason: ";

    [Theory]
    [ClassData(typeof(InvalidPatternCases))]
    public void Invalid_patterns_are_rejected_naming_the_fault_and_path(string pattern, string fault, string path)
    {
        var ex = Should.Throw<InvalidEventPatternException>(() => EventPattern.Parse(pattern));

        ex.Message.ShouldStartWith(Lead);
        ex.Message.ShouldContain(fault);
        if (path.Length > 0)
        {
            ex.Message.ShouldEndWith(" at " + path);
        }
    }

    [Theory]
    [ClassData(typeof(InvalidPatternCases))]
    public void TryParse_reports_the_same_message(string pattern, string fault, string path)
    {
        _ = fault;
        _ = path;
        string expected = Should.Throw<InvalidEventPatternException>(() => EventPattern.Parse(pattern)).Message;

        EventPattern.TryParse(pattern, out EventPattern? parsed, out string? error).ShouldBeFalse();

        parsed.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Fact]
    public void A_pattern_of_exactly_the_maximum_length_is_accepted()
    {
        const string prefix = "{\"source\": [\"";
        string pattern = prefix + new string('a', 4096 - prefix.Length - 3) + "\"]}";
        pattern.Length.ShouldBe(4096);

        EventPattern.Parse(pattern).Json.ShouldBe(pattern);
    }

    [Fact]
    public void Malformed_json_message_gives_line_and_column()
    {
        var ex = Should.Throw<InvalidEventPatternException>(() => EventPattern.Parse("{\"a\": [1,\n  2,, 3]}"));

        ex.Message.ShouldStartWith(Lead + "Malformed JSON: ");
        ex.Message.ShouldContain("(line 2, column 5)");
    }
}
