using EcoBid.Events.Archive;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Tests.Archive;

public sealed class ReplayValidationTests
{
    private static readonly DateTimeOffset From = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly RuleSet Rules = RuleSetLoader.Parse("""
        {
          "targets": { "Index": {}, "UpdateStats": {} },
          "rules": [{ "name": "Items", "eventPattern": { "source": ["ecobid.items"] }, "targets": ["Index", "UpdateStats"] }]
        }
        """);

    [Theory]
    [InlineData("rebuild-index")]
    [InlineData("2025.06.01_v2")]
    [InlineData("a")]
    [InlineData("x234567890123456789012345678901234567890123456789012345678901234")]
    public void A_name_of_1_to_64_letters_digits_dots_underscores_and_dashes_is_valid(string name) =>
        Validate(new ReplayRequest(name, From, From.AddDays(1), null, null)).ShouldBeEmpty();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/y")]
    [InlineData("ünïcode")]
    [InlineData("x2345678901234567890123456789012345678901234567890123456789012345")]
    public void Any_other_name_is_refused(string? name) =>
        Validate(new ReplayRequest(name, From, From.AddDays(1), null, null)).Keys.ShouldBe(["name"]);

    [Fact]
    public void The_range_must_be_given_and_end_after_it_starts()
    {
        Validate(new ReplayRequest("r", null, null, null, null)).Keys.Order().ShouldBe(["from", "to"]);
        Validate(new ReplayRequest("r", From, From, null, null)).Keys.ShouldBe(["to"]);
        Validate(new ReplayRequest("r", From, From.AddDays(-1), null, null)).Keys.ShouldBe(["to"]);

        // The archive compares milliseconds: a range shorter than one is empty, hence invalid.
        Validate(new ReplayRequest("r", From, From.AddTicks(10), null, null)).Keys.ShouldBe(["to"]);
    }

    [Theory]
    [InlineData("""{"source":[]}""", "Empty arrays are not allowed")]
    [InlineData("{}", "Empty objects are not allowed")]
    [InlineData("not json", "Malformed JSON")]
    [InlineData("", "Malformed JSON")]
    public void An_invalid_event_pattern_is_refused_with_the_parsers_message(string pattern, string message)
    {
        var errors = Validate(new ReplayRequest("r", From, From.AddDays(1), pattern, null));

        errors.Keys.ShouldBe(["eventPattern"]);
        errors["eventPattern"][0].ShouldContain(message);
    }

    [Fact]
    public void Targets_must_be_declared_by_the_rules_file_and_an_empty_list_is_refused()
    {
        var unknown = Validate(new ReplayRequest("r", From, From.AddDays(1), null, ["Index", "Nope"]));
        unknown.Keys.ShouldBe(["targets"]);
        unknown["targets"][0].ShouldBe("The rules file declares no target 'Nope'; it declares Index, UpdateStats.");

        Validate(new ReplayRequest("r", From, From.AddDays(1), null, [])).Keys.ShouldBe(["targets"]);
    }

    [Fact]
    public void Every_fault_is_named_at_once()
    {
        var errors = Validate(new ReplayRequest("bad name", From, From, "[]", ["Nope"]));

        errors.Keys.Order().ShouldBe(["eventPattern", "name", "targets", "to"]);
    }

    [Fact]
    public void A_valid_request_becomes_a_definition_at_millisecond_precision_with_targets_once_each()
    {
        var from = From.AddTicks(12_345);
        var to = new DateTimeOffset(2025, 6, 2, 2, 0, 0, TimeSpan.FromHours(2));

        ReplayValidation.TryValidate(new ReplayRequest("r", from, to, """{"source":["ecobid.items"]}""", ["Index", "Index"]), Rules, out var definition, out _).ShouldBeTrue();

        definition!.From.ShouldBe(From.AddMilliseconds(1));
        definition.To.ShouldBe(new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero));
        definition.Targets.ShouldBe(["Index"]);
        definition.EventPattern.ShouldBe("""{"source":["ecobid.items"]}""");
    }

    private static IReadOnlyDictionary<string, string[]> Validate(ReplayRequest request)
    {
        ReplayValidation.TryValidate(request, Rules, out _, out var errors);
        return errors;
    }
}
