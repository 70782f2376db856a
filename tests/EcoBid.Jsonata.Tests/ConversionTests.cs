using System.Text.Json.Nodes;
using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests;

/// <summary>JSON in and out of the JavaScript engine: values, undefined versus null, order, numbers, strings.</summary>
[Collection(JsonataCollection.Name)]
public class ConversionTests(JsonataFixture fixture)
{
    private readonly JsonataEngine _engine = fixture.Engine;

    public static TheoryData<string> RoundTrips => new()
    {
        "null",
        "true",
        "false",
        "0",
        "-17",
        "3.25",
        "1.7976931348623157e308",
        "5e-324",
        "\"\"",
        "\"h\\u00e9llo \\u2603 \\ud83d\\ude00\"",
        "[]",
        "{}",
        "[1,\"two\",null,true,{\"x\":[[]]}]",
        "{\"z\":1,\"a\":2,\"m\":{\"y\":null,\"b\":[3]}}",
        "{\"__proto__\":{\"polluted\":true},\"constructor\":1}",
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Input_comes_back_unchanged_through_dollar(string json)
    {
        var result = _engine.Evaluate("$", JsonNode.Parse(json));

        result.IsDefined.ShouldBeTrue();
        JsonAssert.Equal(json, result.Value, json);
    }

    [Fact]
    public void Object_keys_keep_their_order()
    {
        var result = _engine.Evaluate("$keys($)", JsonNode.Parse("""{"zeta":1,"alpha":2,"mid":3}"""));

        JsonAssert.Equal("""["zeta","alpha","mid"]""", result.Value, "keys");
    }

    [Fact]
    public void Integer_like_keys_come_first_as_in_javascript()
    {
        // JavaScript orders array-index keys before the others; JSONata (and so this engine) inherits that.
        var result = _engine.Evaluate("$keys($)", JsonNode.Parse("""{"b":1,"10":2,"a":3,"2":4}"""));

        JsonAssert.Equal("""["2","10","b","a"]""", result.Value, "keys");
    }

    [Fact]
    public void Integers_beyond_2_pow_53_become_the_nearest_double()
    {
        var result = _engine.Evaluate("$", JsonNode.Parse("[9007199254740993, 12345678901234567890]"));

        var values = result.Value!.AsArray();
        values[0]!.GetValue<double>().ShouldBe(9007199254740992d);
        values[0]!.ToJsonString().ShouldBe("9007199254740992");
        values[1]!.GetValue<double>().ShouldBe(12345678901234567890d);
    }

    [Fact]
    public void Whole_numbers_come_back_as_integers_and_others_as_doubles()
    {
        var result = _engine.Evaluate("[6 / 2, 7 / 2, -0]", (JsonNode?)null);

        var values = result.Value!.AsArray();
        values[0]!.GetValue<long>().ShouldBe(3L);
        values[1]!.GetValue<double>().ShouldBe(3.5);
        values[2]!.ToJsonString().ShouldBe("0");
    }

    [Fact]
    public void Clr_numbers_of_any_type_are_read_by_value()
    {
        var input = new JsonObject
        {
            ["int"] = 7,
            ["long"] = 1L << 40,
            ["decimal"] = 0.1m,
            ["float"] = 2.5f,
            ["ulong"] = ulong.MaxValue,
        };

        var result = _engine.Evaluate("[int, long, decimal, float, ulong]", input);

        JsonAssert.Equal("[7,1099511627776,0.1,2.5,18446744073709551615]", result.Value, "numbers");
    }

    [Fact]
    public void Lone_surrogates_survive_both_ways()
    {
        var text = "a\uD800b\uDC00c";
        var result = _engine.Evaluate("$ & '!'", JsonValue.Create(text));

        result.Value!.GetValue<string>().ShouldBe(text + "!");
        _engine.Evaluate("$length($)", JsonValue.Create("\uD800")).Value!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public void Null_input_is_json_null_and_undefined_input_is_no_input()
    {
        _engine.Evaluate("$type($)", (JsonNode?)null).Value!.GetValue<string>().ShouldBe("null");
        _engine.Evaluate("$type($)", JsonataResult.Undefined).IsDefined.ShouldBeFalse();
        _engine.Evaluate("$exists($)", JsonataResult.Undefined).Value!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public void Null_result_and_no_result_are_told_apart()
    {
        var input = JsonNode.Parse("""{"a":null}""");

        var nullResult = _engine.Evaluate("a", input);
        nullResult.ShouldBe(JsonataResult.Of(null));
        nullResult.IsDefined.ShouldBeTrue();

        var noResult = _engine.Evaluate("b", input);
        noResult.ShouldBe(JsonataResult.Undefined);
    }

    [Fact]
    public void Undefined_members_are_dropped_and_undefined_array_items_become_null()
    {
        var result = _engine.Evaluate("{'kept': 1, 'dropped': nothing, 'list': $map([1, 2], function($v){ $v = 1 ? nothing : $v })}", JsonNode.Parse("{}"));

        JsonAssert.Equal("""{"kept":1,"list":2}""", result.Value, "undefined members");
    }

    [Fact]
    public void Sequences_become_arrays_and_singletons_unwrap_unless_kept()
    {
        var input = JsonNode.Parse("""{"a":[{"b":1},{"b":2}],"c":[{"b":3}]}""");

        JsonAssert.Equal("[1,2]", _engine.Evaluate("a.b", input).Value, "sequence");
        JsonAssert.Equal("3", _engine.Evaluate("c.b", input).Value, "singleton");
        JsonAssert.Equal("[3]", _engine.Evaluate("c.b[]", input).Value, "kept singleton");
    }

    [Fact]
    public void Functions_as_results_are_empty_strings()
    {
        _engine.Evaluate("$sum", (JsonNode?)null).Value!.GetValue<string>().ShouldBe(string.Empty);
        _engine.Evaluate("function($x){ $x }", (JsonNode?)null).Value!.GetValue<string>().ShouldBe(string.Empty);
        _engine.Evaluate("/ab+/", (JsonNode?)null).Value!.GetValue<string>().ShouldBe(string.Empty);
    }

    [Fact]
    public void Infinite_results_become_null_as_json_stringify_renders_them()
    {
        var result = _engine.Evaluate("1 / 0", (JsonNode?)null);

        result.IsDefined.ShouldBeTrue();
        result.Value.ShouldBeNull();
    }

    [Fact]
    public void Input_document_is_not_modified_by_evaluation()
    {
        var input = JsonNode.Parse(SampleDocuments.Address)!;
        var before = input.ToJsonString();

        _engine.Evaluate("$ ~> |Address|{'City': 'Paris'}, ['Street']|", input);

        input.ToJsonString().ShouldBe(before);
    }

    [Fact]
    public void Results_are_new_nodes_the_caller_may_attach_elsewhere()
    {
        var input = JsonNode.Parse("""{"a":{"b":1}}""")!;

        var result = _engine.Evaluate("a", input).Value!;
        var holder = new JsonObject { ["copy"] = result };

        holder.ToJsonString().ShouldBe("""{"copy":{"b":1}}""");
        input["a"]!.Parent.ShouldBe(input);
    }

    [Fact]
    public void Bindings_are_variables_named_with_or_without_dollar()
    {
        var bindings = new Dictionary<string, JsonNode?>
        {
            ["$states"] = JsonNode.Parse("""{"input":{"n":2}}"""),
            ["factor"] = 10,
            ["nothing"] = null,
        };

        var result = _engine.Evaluate("[$states.input.n * $factor, $type($nothing)]", JsonNode.Parse("{}"), bindings);

        JsonAssert.Equal("""[20,"null"]""", result.Value, "bindings");
    }

    [Fact]
    public void Deeply_nested_input_is_refused_with_a_jsonata_exception()
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < 2000; i++)
        {
            node = new JsonArray(node);
        }

        var ex = Should.Throw<JsonataException>(() => _engine.Evaluate("$count($)", node));

        ex.Code.ShouldBe(JsonataErrorCodes.HostError);
    }
}
