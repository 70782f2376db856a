using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.StepFunctions;

public class StepFunctionsFunctionsTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "{}", "$partition([1, 2, 3, 4], 2)", "[[1,2],[3,4]]" },
        { "{}", "$partition([1, 2, 3, 4, 5], 2)", "[[1,2],[3,4],[5]]" },
        { "{}", "$partition([1, 2, 3], 5)", "[[1,2,3]]" },
        { "{}", "$partition([], 3)", "[]" },
        { "{}", "$partition('solo', 1)", """[["solo"]]""" },
        { """{"items":[{"a":1},{"a":2},{"a":3}]}""", "$partition(items, 2)", """[[{"a":1},{"a":2}],[{"a":3}]]""" },
        { "{}", "$range(0, 10, 2)", "[0,2,4,6,8,10]" },
        { "{}", "$range(0, 9, 2)", "[0,2,4,6,8]" },
        { "{}", "$range(10, 0, -5)", "[10,5,0]" },
        { "{}", "$range(0, 10, -1)", "[]" },
        { "{}", "$range(3, 3, 1)", "[3]" },
        { "{}", "$range(0, 1, 0.25)", "[0,0.25,0.5,0.75,1]" },
        { "{}", "$hash('input data', 'MD5')", "\"812f45842bc6d66ee14572ce20db8e86\"" },
        { "{}", "$hash('input data', 'SHA-1')", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"" },
        { "{}", "$hash('input data', 'SHA-256')", "\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\"" },
        { "{}", "$hash('input data', 'SHA-384')", "\"d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562\"" },
        { "{}", "$hash('input data', 'SHA-512')", "\"6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4\"" },
        { "{}", "$hash('h\u00e9llo \u2603', 'SHA-256')", "\"c3a3e84b30327c8e3f04a788d8b68da3fd94c22353c5a30e3fe6ca7ebde3ab3f\"" },
        { "{}", "$parse('{\"key\": \"value\"}')", """{"key":"value"}""" },
        { "{}", "$parse('[1, \"two\", null]')", """[1,"two",null]""" },
        { "{}", "$parse('3.5')", "3.5" },
        { "{}", "$parse('null')", "null" },
        { """{"body":"{\"order\":{\"id\":7}}"}""", "$parse(body).order.id", "7" },
        { "{}", "$random(42) = $random(42)", "true" },
        { "{}", "$random(1) = $random(2)", "false" },
        { "{}", "($r := $random(); $r >= 0 and $r < 1)", "true" },
        { "{}", "$uuid() = $uuid()", "false" },
        { "{}", "($p := $partition(?, 2); $p([1, 2, 3]))", "[[1,2],[3]]" },
        { "{}", "[1, 2, 3, 4] ~> $partition(3)", "[[1,2,3],[4]]" },
        { "{}", "($upTo := $range(1, ?, 1); $upTo(3))", "[1,2,3]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_functions_extras(string document, string expression, string? expected) =>
        Check(Fixture.StepFunctionsEngine, document, expression, expected);

    [Theory]
    [InlineData("$partition([1, 2], 0)", StepFunctionsFunctions.InvalidArgumentCode)]
    [InlineData("$partition([1, 2], 1.5)", StepFunctionsFunctions.InvalidArgumentCode)]
    [InlineData("$partition([1, 2], 'a')", "T0410")]
    [InlineData("$range(0, 10, 0)", StepFunctionsFunctions.InvalidArgumentCode)]
    [InlineData("$range(0, 100000000, 1)", StepFunctionsFunctions.InvalidArgumentCode)]
    [InlineData("$hash('x', 'SHA-3')", StepFunctionsFunctions.InvalidArgumentCode)]
    [InlineData("$hash(1, 'MD5')", "T0410")]
    [InlineData("$parse('{not json')", StepFunctionsFunctions.InvalidArgumentCode)]
    [InlineData("$eval('1 + 1')", StepFunctionsFunctions.NotSupportedCode)]
    [InlineData("$uuid(1)", "T0410")]
    public void Reject_bad_arguments(string expression, string code)
    {
        var ex = Should.Throw<JsonataException>(() => Fixture.StepFunctionsEngine.Evaluate(expression, JsonNode.Parse("{}")));

        ex.Code.ShouldBe(code);
    }

    [Fact]
    public void Errors_name_the_function_and_point_at_the_call()
    {
        var ex = Should.Throw<JsonataException>(() => Fixture.StepFunctionsEngine.Evaluate("  $partition([1], 0)", JsonNode.Parse("{}")));

        ex.Message.ShouldBe("$partition: chunkSize must be a positive integer");
        ex.Token.ShouldBe("partition");
        ex.Position.ShouldBe(13);
    }

    [Fact]
    public void Uuid_is_version_4()
    {
        var uuid = Fixture.StepFunctionsEngine.Evaluate("$uuid()", JsonNode.Parse("{}")).Value!.GetValue<string>();

        Regex.IsMatch(uuid, "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$").ShouldBeTrue(uuid);
    }

    [Fact]
    public void Seeded_random_is_the_same_across_engines()
    {
        using var other = new JsonataEngine(new JsonataOptions { Functions = StepFunctionsFunctions.All });

        var here = Fixture.StepFunctionsEngine.Evaluate("$random(7)", JsonNode.Parse("{}")).Value!.GetValue<double>();
        var there = other.Evaluate("$random(7)", JsonNode.Parse("{}")).Value!.GetValue<double>();

        there.ShouldBe(here);
        here.ShouldBeInRange(0d, 1d);
        here.ShouldNotBe(1d);
    }

    [Fact]
    public void Eval_still_works_without_the_step_functions_set()
    {
        Fixture.Engine.Evaluate("$eval('1 + 1')", JsonNode.Parse("{}")).Value!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public void Numbers_bound_from_clr_integers_are_taken_as_numbers()
    {
        // A host binds values it built in C# (a long, not a parsed JSON number): $partition and $range read them too.
        var bindings = new Dictionary<string, JsonNode?> { ["size"] = JsonValue.Create(2L), ["end"] = JsonValue.Create(3) };

        Fixture.StepFunctionsEngine.Evaluate("$partition([1, 2, 3], $size)", JsonNode.Parse("{}"), bindings).Value!.ToJsonString().ShouldBe("[[1,2],[3]]");
        Fixture.StepFunctionsEngine.Evaluate("$range(1, $end, 1)", JsonNode.Parse("{}"), bindings).Value!.ToJsonString().ShouldBe("[1,2,3]");
    }
}
