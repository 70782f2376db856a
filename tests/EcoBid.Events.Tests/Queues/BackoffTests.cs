using CsCheck;
using EcoBid.Events.Queues;

namespace EcoBid.Events.Tests.Queues;

public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);
    private static readonly Gen<TimeSpan> Delays = Gen.Long[1, TimeSpan.TicksPerDay].Select(TimeSpan.FromTicks);

    [Fact]
    public void The_ceiling_doubles_per_receive_until_the_cap()
    {
        var ceilings = Enumerable.Range(1, 12).Select(receive => Backoff.Ceiling(receive, Base, Cap).TotalSeconds);

        ceilings.ShouldBe([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(int.MinValue)]
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

    /// <summary>Any receive count, base and cap (from a tick to a day): the ceiling doubles from the base until the cap.</summary>
    [Fact]
    public void The_ceiling_starts_at_the_base_doubles_per_receive_and_never_passes_the_cap()
    {
        Gen.Select(Gen.Int, Delays, Delays).Sample((receiveCount, baseDelay, cap) =>
        {
            var ceiling = Backoff.Ceiling(receiveCount, baseDelay, cap);

            ceiling.ShouldBeGreaterThan(TimeSpan.Zero);
            ceiling.ShouldBeLessThanOrEqualTo(cap);
            if (receiveCount <= 1)
            {
                ceiling.ShouldBe(baseDelay < cap ? baseDelay : cap);
            }

            if (receiveCount is >= 1 and <= 30)
            {
                var doubled = ceiling * 2;
                Backoff.Ceiling(receiveCount + 1, baseDelay, cap).ShouldBe(doubled < cap ? doubled : cap);
            }

            if (receiveCount < int.MaxValue)
            {
                Backoff.Ceiling(receiveCount + 1, baseDelay, cap).ShouldBeGreaterThanOrEqualTo(ceiling);
            }
        }, iter: 10_000);
    }

    /// <summary>Full jitter maps the random source's unit value linearly onto [0, ceiling], to the tick.</summary>
    [Fact]
    public void A_jittered_delay_is_the_random_fraction_of_the_ceiling()
    {
        Gen.Select(Gen.Int, Gen.Double.Unit).Sample((receiveCount, unit) =>
        {
            var ceiling = Backoff.Ceiling(receiveCount, Base, Cap);

            var delay = Backoff.FullJitter(receiveCount, Base, Cap, new FixedRandom(unit));

            delay.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
            delay.ShouldBeLessThanOrEqualTo(ceiling);
            Math.Abs(delay.Ticks - (unit * ceiling.Ticks)).ShouldBeLessThanOrEqualTo(1);
        }, iter: 10_000);
    }

    /// <summary>
    /// Whatever the seed of the random source and the receive count, ten thousand delays cover [0, ceiling] evenly:
    /// one near each end and a mean in the middle (each bound is many standard deviations wide, so no seed fails).
    /// </summary>
    [Fact]
    public void Jittered_delays_from_any_seed_spread_across_zero_to_the_ceiling()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 40]).Sample((seed, receiveCount) =>
        {
            var random = new Random(seed);
            var ceiling = Backoff.Ceiling(receiveCount, Base, Cap);

            var delays = Enumerable.Range(0, 10_000).Select(_ => Backoff.FullJitter(receiveCount, Base, Cap, random)).ToList();

            delays.ShouldAllBe(d => d >= TimeSpan.Zero && d <= ceiling);
            delays.Min().ShouldBeLessThan(ceiling * 0.01);
            delays.Max().ShouldBeGreaterThan(ceiling * 0.99);
            (delays.Average(d => d.Ticks) / ceiling.Ticks).ShouldBeInRange(0.45, 0.55);
        }, iter: 50);
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
