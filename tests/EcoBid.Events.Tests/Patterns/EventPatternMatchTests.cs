using EcoBid.Events.Patterns;

namespace EcoBid.Events.Tests.Patterns;

public sealed class EventPatternMatchTests
{
    [Theory]
    [ClassData(typeof(DocumentationCases))]
    public void Documentation_examples(string name, string @event, string pattern, bool expected) =>
        AssertMatch(name, @event, pattern, expected);

    [Theory]
    [ClassData(typeof(ArrayCases))]
    public void Event_arrays(string name, string @event, string pattern, bool expected) =>
        AssertMatch(name, @event, pattern, expected);

    [Theory]
    [ClassData(typeof(ValueCases))]
    public void Value_types_and_equality(string name, string @event, string pattern, bool expected) =>
        AssertMatch(name, @event, pattern, expected);

    [Theory]
    [ClassData(typeof(OperatorCases))]
    public void Operator_edge_cases(string name, string @event, string pattern, bool expected) =>
        AssertMatch(name, @event, pattern, expected);

    private static void AssertMatch(string name, string @event, string pattern, bool expected) =>
        EventPattern.Parse(pattern).Matches(SampleEvents.Resolve(@event)).ShouldBe(expected, name);
}
