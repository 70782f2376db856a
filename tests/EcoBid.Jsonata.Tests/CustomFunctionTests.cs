using System.Text.Json.Nodes;
using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests;

public sealed class CustomFunctionTests : IDisposable
{
    private readonly List<IReadOnlyList<JsonNode?>> _calls = [];
    private readonly JsonataEngine _engine;

    public CustomFunctionTests()
    {
        _engine = new JsonataEngine(new JsonataOptions
        {
            Timeout = TimeSpan.FromSeconds(60),
            Functions = new Dictionary<string, JsonataFunction>
            {
                ["double"] = new("<n:n>", args => JsonataResult.Of(args[0]!.GetValue<double>() * 2)),
                ["$shout"] = new("<s-:s>", args => JsonataResult.Of(args[0]!.GetValue<string>().ToUpperInvariant() + "!")),
                ["record"] = new(null, args =>
                {
                    _calls.Add(args);
                    return JsonataResult.Of(args.Count);
                }),
                ["none"] = new("<:x>", _ => JsonataResult.Undefined),
                ["fail"] = new("<s:x>", args => throw new JsonataException("X0001", "failed: " + args[0]!.GetValue<string>())),
                ["crash"] = new("<:x>", _ => throw new InvalidOperationException("boom")),
                ["uppercase"] = new("<s:s>", args => JsonataResult.Of("shadowed " + args[0]!.GetValue<string>())),
                ["sum3"] = new("<nnn:n>", args => JsonataResult.Of(args.Sum(a => a!.GetValue<double>()))),
            },
        });
    }

    public void Dispose() => _engine.Dispose();

    [Theory]
    [InlineData("$double(21)", "42")]
    [InlineData("$map([1, 2, 3], $double)", "[2,4,6]")]
    [InlineData("[1, 2] ~> $map($double)", "[2,4]")]
    [InlineData("$shout('hey')", "\"HEY!\"")]
    [InlineData("name.$shout()", "\"ANN!\"")]
    [InlineData("$exists($none())", "false")]
    [InlineData("$uppercase('x')", "\"shadowed x\"")]
    [InlineData("($add10 := $sum3(?, 10, ?); $add10(1, 2))", "13")]
    [InlineData("$string($double)", "\"\"")]
    public void Are_called_like_built_ins(string expression, string expected)
    {
        var result = _engine.Evaluate(expression, JsonNode.Parse("""{"name":"ann"}"""));

        JsonAssert.Equal(expected, result.Value, expression);
    }

    [Fact]
    public void Receive_arguments_as_json()
    {
        _engine.Evaluate("$record({'a': [1, null]}, 'x', 2.5, null, true)", JsonNode.Parse("{}"));

        var args = _calls.ShouldHaveSingleItem();
        args.Count.ShouldBe(5);
        JsonAssert.Equal("""{"a":[1,null]}""", args[0], "object");
        args[1]!.GetValue<string>().ShouldBe("x");
        args[2]!.GetValue<double>().ShouldBe(2.5);
        args[3].ShouldBeNull();
        args[4]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Signature_is_checked_before_the_body_runs()
    {
        var ex = Should.Throw<JsonataException>(() => _engine.Evaluate("$double('x')", JsonNode.Parse("{}")));

        ex.Code.ShouldBe("T0410");
        ex.Token.ShouldBe("double");
    }

    [Fact]
    public void Thrown_jsonata_exception_keeps_its_code_and_gains_a_position()
    {
        var ex = Should.Throw<JsonataException>(() => _engine.Evaluate("1 + $fail('why')", JsonNode.Parse("{}")));

        ex.Code.ShouldBe("X0001");
        ex.Message.ShouldBe("failed: why");
        ex.Token.ShouldBe("fail");
        ex.Position.ShouldBe(10);
    }

    [Fact]
    public void Any_other_exception_becomes_a_host_error()
    {
        var ex = Should.Throw<JsonataException>(() => _engine.Evaluate("$crash()", JsonNode.Parse("{}")));

        ex.Code.ShouldBe(JsonataErrorCodes.HostError);
        ex.Message.ShouldBe("boom");
    }

    [Fact]
    public void Engine_keeps_working_after_a_function_failed()
    {
        Should.Throw<JsonataException>(() => _engine.Evaluate("$crash()", JsonNode.Parse("{}")));

        _engine.Evaluate("$double(2)", JsonNode.Parse("{}")).Value!.GetValue<long>().ShouldBe(4);
    }
}
