using EcoBid.Events.Patterns;

namespace EcoBid.Events.Tests.Patterns;

/// <summary>
/// The pattern language against the EventBridge documentation: matches, refusals of invalid patterns, and
/// TestEventPattern's check of the event. Expected values come from the documentation, not from this code.
/// </summary>
public sealed class AwsDocumentedPatternTests
{
    private const string Lead = "Event pattern is not valid. Reason: ";

    [Theory]
    [ClassData(typeof(AwsDocumentedMatchCases))]
    public void Matches_as_documented(string name, string @event, string pattern, bool expected)
    {
        EventPattern parsed = EventPattern.Parse(pattern);

        parsed.Matches(@event).ShouldBe(expected, name);
        parsed.TestEvent(@event).ShouldBe(expected, $"{name} (TestEventPattern)");
    }

    [Theory]
    [ClassData(typeof(AwsDocumentedInvalidPatterns))]
    public void Invalid_patterns_are_refused_with_the_documented_reason(string pattern, string reason)
    {
        var ex = Should.Throw<InvalidEventPatternException>(() => EventPattern.Parse(pattern));

        ex.Message.ShouldStartWith(Lead + reason);
        EventPattern.TryParse(pattern, out _, out string? error).ShouldBeFalse();
        error.ShouldBe(ex.Message);
    }

    [Theory]
    [ClassData(typeof(AwsTestEventPatternEnvelopeCases))]
    public void TestEventPattern_checks_the_envelope(string name, string @event, bool? expected)
    {
        EventPattern pattern = EventPattern.Parse(AwsTestEventPatternEnvelopeCases.Pattern);

        if (expected is bool result)
        {
            pattern.TestEvent(@event).ShouldBe(result, name);
        }
        else
        {
            Should.Throw<InvalidEventException>(() => pattern.TestEvent(@event), name)
                .Message.ShouldStartWith("Parameter Event is not valid.");
        }
    }

    [Fact]
    public void Malformed_json_is_an_invalid_pattern()
    {
        Should.Throw<InvalidEventPatternException>(() => EventPattern.Parse("""{"source": ["aws.ec2"]"""))
            .Message.ShouldStartWith(Lead);
    }
}
