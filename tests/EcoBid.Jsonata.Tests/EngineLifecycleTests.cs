using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.Tests;

public class EngineLifecycleTests
{
    [Fact]
    public void Engines_are_created_only_when_needed()
    {
        using var engine = new JsonataEngine();

        engine.LiveEngines.ShouldBe(0);
        engine.Evaluate("1", JsonNode.Parse("{}"));
        engine.LiveEngines.ShouldBe(1);
        engine.Evaluate("2", JsonNode.Parse("{}"));
        engine.LiveEngines.ShouldBe(1);
    }

    [Fact]
    public void Disposed_engine_refuses_work()
    {
        var engine = new JsonataEngine();
        engine.Evaluate("1", JsonNode.Parse("{}"));
        engine.Dispose();

        Should.Throw<ObjectDisposedException>(() => engine.Evaluate("1", JsonNode.Parse("{}")));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1000, 0, 1)]
    [InlineData(1000, 1, 0)]
    public void Options_out_of_range_are_refused(int timeoutMs, int maxEngines, int cacheSize)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new JsonataEngine(new JsonataOptions
        {
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            MaxEngines = maxEngines,
            ExpressionCacheSize = cacheSize,
        }));
    }

    [Fact]
    public void Null_expression_is_an_argument_error()
    {
        using var engine = new JsonataEngine();

        Should.Throw<ArgumentNullException>(() => engine.Evaluate(null!, JsonNode.Parse("{}")));
        Should.Throw<ArgumentNullException>(() => engine.Validate(null!));
    }
}
