using EcoBid.Events.Rules;

namespace EcoBid.Events.Tests.Rules;

public sealed class RuleSetLoaderTests
{
    private const string Valid = """
        {
          // Line comments, block comments and trailing commas are allowed: the file is written by people.
          "targets": {
            "ProcessNewItem": { "description": "Completes a new listing." },
            "UpdateStats": {
              "maxReceiveCount": 5, "visibilityTimeoutSeconds": 60, "concurrency": 2, "batchSize": 64,
              "backoffBaseMilliseconds": 250, "backoffCapSeconds": 30,
            },
          },
          /* ItemCreated feeds both targets. */
          "rules": [
            {
              "name": "ItemCreated",
              "description": "A new item is processed and counted.",
              "eventPattern": { "source": ["ecobid.items"], "detail-type": ["ItemCreated"] },
              "targets": ["ProcessNewItem", "UpdateStats"],
            },
          ],
        }
        """;

    [Fact]
    public void A_valid_file_loads_its_targets_with_their_settings_and_its_rules()
    {
        var rules = RuleSetLoader.Parse(Valid);

        rules.Targets.Keys.ShouldBe(["ProcessNewItem", "UpdateStats"], ignoreOrder: true);
        rules.Targets["ProcessNewItem"].Description.ShouldBe("Completes a new listing.");
        rules.Targets["UpdateStats"].Queue.ShouldBe(new QueueSettings
        {
            MaxReceiveCount = 5,
            VisibilityTimeout = TimeSpan.FromSeconds(60),
            Concurrency = 2,
            BatchSize = 64,
            BackoffBase = TimeSpan.FromMilliseconds(250),
            BackoffCap = TimeSpan.FromSeconds(30),
        });
        var rule = rules.Rules.ShouldHaveSingleItem();
        rule.Name.ShouldBe("ItemCreated");
        rule.Description.ShouldBe("A new item is processed and counted.");
        rule.Targets.ShouldBe(["ProcessNewItem", "UpdateStats"]);
    }

    [Fact]
    public void Settings_left_out_take_the_SQS_like_defaults()
    {
        var settings = RuleSetLoader.Parse(Valid).Targets["ProcessNewItem"].Queue;

        settings.ShouldBe(new QueueSettings());
        settings.MaxReceiveCount.ShouldBe(3);
        settings.VisibilityTimeout.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_loaded_rules_route_by_their_patterns()
    {
        var rules = RuleSetLoader.Parse(Valid);

        rules.Route(RuleTestKit.Envelope("ecobid.items", "ItemCreated")).ShouldBe(["ProcessNewItem", "UpdateStats"]);
        rules.Route(RuleTestKit.Envelope("ecobid.items", "ItemDeleted")).ShouldBeEmpty();
    }

    [Fact]
    public void A_rule_naming_an_undeclared_target_is_rejected_naming_both()
    {
        var json = RuleTestKit.File(targets: """{ "Index": {} }""", rules: """[{ "name": "ItemCreated", "eventPattern": { "source": ["ecobid.items"] }, "targets": ["Index", "Notify"] }]""");

        var ex = Should.Throw<RuleSetException>(() => RuleSetLoader.Parse(json));

        ex.Message.ShouldBe("Rule 'ItemCreated' names target 'Notify', which the rules file does not declare.");
    }

    [Fact]
    public void A_rule_declared_twice_is_rejected()
    {
        var rule = """{ "name": "ItemCreated", "eventPattern": { "source": ["ecobid.items"] }, "targets": ["Index"] }""";
        var json = RuleTestKit.File(targets: """{ "Index": {} }""", rules: $"[{rule}, {rule}]");

        Should.Throw<RuleSetException>(() => RuleSetLoader.Parse(json)).Message.ShouldBe("Rule 'ItemCreated' is declared twice.");
    }

    [Fact]
    public void A_target_declared_twice_is_rejected_naming_it()
    {
        var json = RuleTestKit.File(targets: """{ "Index": {}, "Index": { "batchSize": 2 } }""", rules: "[]");

        Should.Throw<RuleSetException>(() => RuleSetLoader.Parse(json)).Message.ShouldBe("Target 'Index' is declared twice.");
    }

    [Theory]
    [InlineData("""{ "source": "ecobid.items" }""")]
    [InlineData("""{ "detail": { "price": [{ "numeric": ["<"] }] } }""")]
    [InlineData("""{ "source": [{ "prefix": 5 }] }""")]
    [InlineData("\"ecobid.items\"")]
    public void An_invalid_pattern_is_rejected_with_a_message_that_names_the_rule(string pattern)
    {
        var json = RuleTestKit.File(targets: """{ "Index": {} }""", rules: $$"""[{ "name": "BrokenRule", "eventPattern": {{pattern}}, "targets": ["Index"] }]""");

        var ex = Should.Throw<RuleSetException>(() => RuleSetLoader.Parse(json));

        ex.Message.ShouldStartWith("Rule 'BrokenRule': Event pattern is not valid.");
    }

    [Theory]
    [InlineData("maxReceiveCount", "0")]
    [InlineData("maxReceiveCount", "-1")]
    [InlineData("batchSize", "2.5")]
    [InlineData("concurrency", "\"2\"")]
    [InlineData("visibilityTimeoutSeconds", "null")]
    [InlineData("backoffCapSeconds", "99999999999")]
    public void A_setting_that_is_not_a_positive_whole_number_is_rejected_naming_target_and_setting(string setting, string value)
    {
        var json = RuleTestKit.File(targets: $$"""{ "Index": { "{{setting}}": {{value}} } }""", rules: "[]");

        var ex = Should.Throw<RuleSetException>(() => RuleSetLoader.Parse(json));

        ex.Message.ShouldBe($"Target 'Index': '{setting}' must be a positive whole number.");
    }

    [Theory]
    [InlineData("\"fast\"")]
    [InlineData("5")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Target_settings_that_are_not_an_object_are_rejected_naming_the_target(string settings)
    {
        var json = RuleTestKit.File(targets: $$"""{ "Index": {{settings}} }""", rules: "[]");

        var ex = Should.Throw<RuleSetException>(() => RuleSetLoader.Parse(json));

        ex.Message.ShouldBe("Target 'Index': settings must be an object.");
    }

    [Theory]
    [InlineData("""{ "eventPattern": { "source": ["a"] }, "targets": ["Index"] }""", "Every rule needs a 'name'.")]
    [InlineData("""{ "name": "R", "targets": ["Index"] }""", "Rule 'R' has no 'eventPattern'.")]
    [InlineData("""{ "name": "R", "eventPattern": { "source": ["a"] } }""", "Rule 'R' needs a non-empty 'targets' array.")]
    [InlineData("""{ "name": "R", "eventPattern": { "source": ["a"] }, "targets": [] }""", "Rule 'R' needs a non-empty 'targets' array.")]
    [InlineData("""{ "name": "R", "eventPattern": { "source": ["a"] }, "targets": "Index" }""", "Rule 'R' needs a non-empty 'targets' array.")]
    [InlineData("""{ "name": "R", "eventPattern": { "source": ["a"] }, "targets": [null] }""", "Rule 'R': target names are strings.")]
    [InlineData("""{ "name": "R", "eventPattern": { "source": ["a"] }, "targets": [7] }""", "Rule 'R': target names are strings.")]
    public void An_incomplete_rule_is_rejected_saying_what_is_missing(string rule, string message)
    {
        var json = RuleTestKit.File(targets: """{ "Index": {} }""", rules: $"[{rule}]");

        Should.Throw<RuleSetException>(() => RuleSetLoader.Parse(json)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("""{ "rules": [] }""", "The rules file needs a 'targets' object.")]
    [InlineData("""{ "targets": [], "rules": [] }""", "The rules file needs a 'targets' object.")]
    [InlineData("""{ "targets": {} }""", "The rules file needs a 'rules' array.")]
    [InlineData("""{ "targets": {}, "rules": {} }""", "The rules file needs a 'rules' array.")]
    public void A_file_without_targets_or_rules_is_rejected(string json, string message)
    {
        Should.Throw<RuleSetException>(() => RuleSetLoader.Parse(json)).Message.ShouldBe(message);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_rejected()
    {
        var ex = Should.Throw<RuleSetException>(() => RuleSetLoader.Parse("{ \"targets\": "));

        ex.Message.ShouldStartWith("The rules file is not valid JSON: ");
    }

    [Fact]
    public void Loading_a_file_names_the_file_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecobid-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "targets": {} }""");
        try
        {
            var ex = Should.Throw<RuleSetException>(() => RuleSetLoader.LoadFile(path));

            ex.Message.ShouldBe($"{path}: The rules file needs a 'rules' array.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loading_a_valid_file_from_disk_gives_the_same_rules()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecobid-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Valid);
        try
        {
            RuleSetLoader.LoadFile(path).Rules.Select(r => r.Name).ShouldBe(["ItemCreated"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
