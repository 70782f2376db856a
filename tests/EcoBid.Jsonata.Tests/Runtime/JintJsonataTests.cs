using System.Text.Json.Nodes;
using EcoBid.Jsonata.Runtime;

namespace EcoBid.Jsonata.Tests.Runtime;

public sealed class JintJsonataTests : IDisposable
{
    private readonly JintJsonata _engine = new(new EngineSettings(new JsonataOptions { ExpressionCacheSize = 2, Timeout = TimeSpan.FromSeconds(60) }));

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void Keeps_at_most_the_configured_number_of_compiled_expressions()
    {
        _engine.Validate("a");
        _engine.Validate("b");
        _engine.Validate("a");
        _engine.CachedExpressionCount.ShouldBe(2);

        _engine.Validate("c");

        _engine.CachedExpressionCount.ShouldBe(2);
        _engine.Evaluate("b", JsonataResult.Of(JsonNode.Parse("""{"b":1}""")), null).Value!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public void Syntax_errors_are_not_cached()
    {
        Should.Throw<JsonataException>(() => _engine.Validate("a +"));

        _engine.CachedExpressionCount.ShouldBe(0);
        _engine.IsHealthy.ShouldBeTrue();
    }

    [Fact]
    public void An_interrupted_evaluation_marks_the_engine_unhealthy()
    {
        using var tight = new JintJsonata(new EngineSettings(new JsonataOptions { Timeout = TimeSpan.FromSeconds(1), MemoryLimitBytes = 16L * 1024 * 1024 }));

        Should.Throw<JsonataException>(() => tight.Evaluate("$pad('x', 50000000)", JsonataResult.Undefined, null)).Code.ShouldBe(JsonataErrorCodes.MemoryLimit);

        tight.IsHealthy.ShouldBeFalse();
    }
}
