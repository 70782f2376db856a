using EcoBid.Jsonata.Runtime;

namespace EcoBid.Jsonata.Tests.Runtime;

public class ExpressionCacheTests
{
    [Fact]
    public void Drops_the_least_recently_used_entry()
    {
        var cache = new ExpressionCache<int>(2);
        cache.Add("a", 1);
        cache.Add("b", 2);
        cache.TryGet("a", out _).ShouldBeTrue();

        cache.Add("c", 3);

        cache.TryGet("b", out _).ShouldBeFalse();
        cache.TryGet("a", out var a).ShouldBeTrue();
        a.ShouldBe(1);
        cache.TryGet("c", out var c).ShouldBeTrue();
        c.ShouldBe(3);
        cache.Count.ShouldBe(2);
    }

    [Fact]
    public void Adding_an_existing_key_replaces_it_without_growing()
    {
        var cache = new ExpressionCache<int>(2);
        cache.Add("a", 1);
        cache.Add("a", 2);

        cache.Count.ShouldBe(1);
        cache.TryGet("a", out var a).ShouldBeTrue();
        a.ShouldBe(2);
    }
}
