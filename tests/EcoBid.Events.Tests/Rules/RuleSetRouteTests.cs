using System.Text.Json;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Tests.Rules;

public sealed class RuleSetRouteTests
{
    private static readonly RuleSet Rules = RuleSetLoader.Parse("""
        {
          "targets": { "ProcessNewItem": {}, "Index": {}, "Moderate": {}, "UpdateStats": {} },
          "rules": [
            { "name": "ItemCreated", "eventPattern": { "source": ["ecobid.items"], "detail-type": ["ItemCreated"] },
              "targets": ["ProcessNewItem", "Index", "Moderate"] },
            { "name": "ItemChanges", "eventPattern": { "source": ["ecobid.items"], "detail-type": [{ "prefix": "Item" }] },
              "targets": ["Index"] },
            { "name": "CountEverything", "eventPattern": { "source": [{ "prefix": "ecobid." }], "detail-type": [{ "anything-but": ["NotificationSent"] }] },
              "targets": ["UpdateStats", "UpdateStats"] }
          ]
        }
        """);

    [Fact]
    public void A_target_reached_by_two_rules_gets_one_delivery()
    {
        var targets = Rules.Route(RuleTestKit.Envelope("ecobid.items", "ItemCreated"));

        targets.ShouldBe(["ProcessNewItem", "Index", "Moderate", "UpdateStats"]);
    }

    [Fact]
    public void A_rule_that_names_a_target_twice_delivers_once()
    {
        Rules.Route(RuleTestKit.Envelope("ecobid.users", "UserRated")).ShouldBe(["UpdateStats"]);
    }

    [Fact]
    public void Only_the_rules_whose_pattern_matches_contribute_targets()
    {
        Rules.Route(RuleTestKit.Envelope("ecobid.items", "ItemUpdated")).ShouldBe(["Index", "UpdateStats"]);
    }

    [Fact]
    public void An_event_no_rule_matches_goes_nowhere()
    {
        Rules.Route(RuleTestKit.Envelope("ecobid.notifications", "NotificationSent")).ShouldBeEmpty();
        Rules.Route(RuleTestKit.Envelope("partner.feed", "ItemCreated")).ShouldBeEmpty();
    }

    [Fact]
    public void Routing_the_envelope_or_its_JSON_gives_the_same_targets()
    {
        var envelope = RuleTestKit.Envelope("ecobid.items", "ItemCreated");
        using var document = JsonDocument.Parse(envelope.ToJson());

        Rules.Route(document.RootElement).ShouldBe(Rules.Route(envelope));
    }

    [Fact]
    public void A_rule_set_whose_rule_names_an_undeclared_target_cannot_be_built()
    {
        var rule = RuleSetLoader.Parse("""{ "targets": { "Index": {} }, "rules": [{ "name": "R", "eventPattern": { "source": ["a"] }, "targets": ["Index"] }] }""").Rules[0];

        var ex = Should.Throw<RuleSetException>(() => new RuleSet([rule with { Targets = ["Elsewhere"] }], []));

        ex.Message.ShouldBe("Rule 'R' names target 'Elsewhere', which the rules file does not declare.");
    }
}
