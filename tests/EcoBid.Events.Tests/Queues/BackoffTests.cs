using EcoBid.Events.Queues;

namespace EcoBid.Events.Tests.Queues;

public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_ceiling_doubles_per_receive_until_the_cap()
    {
        var ceilings = Enumerable.Range(1, 12).Select(receive => Backoff.Ceiling(receive, Base, Cap).TotalSeconds);

        ceilings.ShouldBe([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_receive_count_below_one_gets_the_base_ceiling(int receiveCount)
    {
        Backoff.Ceiling(receiveCount, Base, Cap).ShouldBe(Base);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void A_huge_receive_count_stays_at_the_cap(int receiveCount)
    {
        Backoff.Ceiling(receiveCount, Base, Cap).ShouldBe(Cap);
        Backoff.FullJitter(receiveCount, Base, Cap, new Random(7)).ShouldBeLessThanOrEqualTo(Cap);
    }

    [Fact]
    public void A_cap_below_the_base_wins()
    {
        Backoff.Ceiling(1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3)).ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(20)]
    public void Jittered_delays_stay_within_zero_and_the_ceiling_and_spread_across_it(int receiveCount)
    {
        var random = new Random(20300301);
        var ceiling = Backoff.Ceiling(receiveCount, Base, Cap);

        var delays = Enumerable.Range(0, 10_000).Select(_ => Backoff.FullJitter(receiveCount, Base, Cap, random)).ToList();

        delays.ShouldAllBe(d => d >= TimeSpan.Zero && d <= ceiling);
        delays.Min().ShouldBeLessThan(ceiling * 0.01);
        delays.Max().ShouldBeGreaterThan(ceiling * 0.99);
        (delays.Average(d => d.Ticks) / ceiling.Ticks).ShouldBeInRange(0.45, 0.55);
    }

    [Fact]
    public void The_extremes_of_the_random_source_map_to_zero_and_just_under_the_ceiling()
    {
        Backoff.FullJitter(3, Base, Cap, new FixedRandom(0)).ShouldBe(TimeSpan.Zero);

        var top = Backoff.FullJitter(3, Base, Cap, new FixedRandom(Math.BitDecrement(1.0)));

        top.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(4));
        top.ShouldBeGreaterThan(TimeSpan.FromSeconds(4) - TimeSpan.FromMilliseconds(1));
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
