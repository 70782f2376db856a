using System.Diagnostics;
using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.Tests;

/// <summary>
/// Expressions meant to exhaust time, memory or stack end in a <see cref="JsonataException"/> in bounded time, and
/// the engine stays usable afterwards.
/// </summary>
public sealed class HostileExpressionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // Wall-clock slack for a shared, loaded build machine: the deadline itself is checked by the interpreter.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(6);

    private readonly JsonataEngine _engine = new(new JsonataOptions
    {
        Timeout = Timeout,
        MemoryLimitBytes = 64L * 1024 * 1024,
        MaxEngines = 1,
    });

    public void Dispose() => _engine.Dispose();

    public static TheoryData<string, string[]> Cases => new()
    {
        { "($f := function(){ $f() }; $f())", [JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit] },
        { "($f := function($n){ 1 + $f($n + 1) }; $f(1))", [JsonataErrorCodes.StackOverflow, JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit] },
        { "[1..10000000]", [JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit] },
        { "$count([1..10000000].($ * 2))", [JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit] },
        { "$pad('x', 100000000)", [JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit] },
        { "($s := function($x, $n){ $n = 0 ? $x : $s($x & $x, $n - 1) }; $length($s('ab', 40)))", [JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit] },
        { "$match('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', /(a+)+$/)", [JsonataErrorCodes.Timeout] },
        { new string('(', 5000) + "1" + new string(')', 5000), [JsonataErrorCodes.StackOverflow, JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit] },
        { string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)), [JsonataErrorCodes.StackOverflow, JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void End_in_a_jsonata_exception_within_the_timeout(string expression, string[] codes)
    {
        var clock = Stopwatch.StartNew();

        var ex = Should.Throw<JsonataException>(() => _engine.Evaluate(expression, JsonNode.Parse("{}")));

        clock.Elapsed.ShouldBeLessThan(Timeout + Slack);
        codes.ShouldContain(ex.Code, ex.Message);
        _engine.Evaluate("1 + 1", JsonNode.Parse("{}")).Value!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public void A_megabyte_string_input_is_ordinary_work_within_default_limits()
    {
        using var engine = new JsonataEngine(new JsonataOptions { Timeout = TimeSpan.FromSeconds(30) });
        var text = new string('a', 1024 * 1024);

        var result = engine.Evaluate("$length($uppercase($)) & ' ' & $substring($uppercase($), 0, 3)", JsonValue.Create(text));

        result.Value!.GetValue<string>().ShouldBe("1048576 AAA");
    }

    [Fact]
    public void A_megabyte_string_literal_in_the_expression_is_read_or_refused_in_time()
    {
        // JSONata's lexer reads a literal one character at a time: interpreted, that may take longer than the budget.
        var expression = "$length('" + new string('b', 1024 * 1024) + "')";
        var clock = Stopwatch.StartNew();

        try
        {
            _engine.Evaluate(expression, JsonNode.Parse("{}")).Value!.GetValue<long>().ShouldBe(1024 * 1024);
        }
        catch (JsonataException ex)
        {
            new[] { JsonataErrorCodes.Timeout, JsonataErrorCodes.MemoryLimit }.ShouldContain(ex.Code);
        }

        clock.Elapsed.ShouldBeLessThan(Timeout + Slack);
    }

    [Fact]
    public void Jsonata_stack_limit_applies_when_configured()
    {
        using var limited = new JsonataEngine(new JsonataOptions { MaxRecursionDepth = 100, Timeout = TimeSpan.FromSeconds(30) });

        var ex = Should.Throw<JsonataException>(() =>
            limited.Evaluate("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000))", JsonNode.Parse("{}")));

        ex.Code.ShouldBe(JsonataErrorCodes.StackOverflow);
        ex.Message.ShouldStartWith("Stack overflow");
        limited.Evaluate("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(5))", JsonNode.Parse("{}")).Value!.GetValue<long>().ShouldBe(5);
    }

    [Fact]
    public void Timeout_has_jsonata_code_and_message()
    {
        var ex = Should.Throw<JsonataException>(() => _engine.Evaluate("($f := function(){ $f() }; $f())", JsonataResult.Undefined));

        if (ex.Code == JsonataErrorCodes.Timeout)
        {
            ex.Message.ShouldBe("Evaluation timeout after 2000 milliseconds. Check for infinite loop");
        }
        else
        {
            ex.Code.ShouldBe(JsonataErrorCodes.MemoryLimit);
        }
    }
}
