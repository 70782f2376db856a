using EcoBid.Domain.Auctions;
using EcoBid.Domain.Validation;

namespace EcoBid.Domain.Tests.Auctions;

public sealed class AuctionRulesTests
{
    private static NewAuction Valid => new(10_00, null, null, "PLN", 3600, null, null, null);

    private static (AuctionTerms? Terms, IDictionary<string, string[]> Errors) Check(NewAuction input)
    {
        var errors = new ValidationErrors();
        var terms = AuctionRules.Validate(input, AuctionLimits.Default, errors);
        return (terms, errors.ToDictionary());
    }

    [Fact]
    public void Valid_terms_take_the_documented_defaults()
    {
        var (terms, errors) = Check(Valid);

        errors.ShouldBeEmpty();
        terms!.Increments.ShouldBe(IncrementTable.Default);
        terms.SoftClose.ShouldBe(SoftCloseRule.Default);
        terms.Duration.ShouldBe(TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData(13_00L, true)]
    [InlineData(12_99L, false)]
    public void Buy_now_is_at_least_30_percent_above_the_start_price(long buyNow, bool valid) =>
        Check(Valid with { BuyNowPrice = buyNow }).Errors.ContainsKey("buyNowPrice").ShouldBe(!valid);

    [Fact]
    public void The_buy_now_minimum_rounds_up_to_a_whole_cent() => AuctionRules.MinimumBuyNow(1_01).ShouldBe(1_32);

    [Theory]
    [InlineData(null, 10_00L, "PLN", 3600L, "startPrice")]
    [InlineData(0L, 10_00L, "PLN", 3600L, "startPrice")]
    [InlineData(10_00L, 9_99L, "PLN", 3600L, "reservePrice")]
    [InlineData(10_00L, null, "XXX", 3600L, "currency")]
    [InlineData(10_00L, null, "pln", 3600L, "currency")]
    [InlineData(10_00L, null, null, 3600L, "currency")]
    [InlineData(10_00L, null, "PLN", 59L, "durationSeconds")]
    [InlineData(10_00L, null, "PLN", 604_801L, "durationSeconds")]
    [InlineData(10_00L, null, "PLN", null, "durationSeconds")]
    public void Each_fault_is_named_by_its_field(long? start, long? reserve, string? currency, long? duration, string field) =>
        Check(Valid with { StartPrice = start, ReservePrice = reserve, Currency = currency, DurationSeconds = duration }).Errors.ShouldContainKey(field);

    [Fact]
    public void Buy_now_below_the_reserve_is_refused() =>
        Check(Valid with { ReservePrice = 50_00, BuyNowPrice = 40_00 }).Errors.ShouldContainKey("buyNowPrice");

    [Fact]
    public void A_seven_day_auction_is_the_longest() =>
        Check(Valid with { DurationSeconds = 7 * 24 * 3600 }).Errors.ShouldBeEmpty();

    [Fact]
    public void A_custom_increment_table_is_checked_step_by_step()
    {
        NewIncrementStep?[] steps = [new(5, 10), new(100, 5), null, new(50, 20), new(200, 0)];

        var (_, errors) = Check(Valid with { Increments = steps });

        errors.Keys.ShouldBe(["increments[0].from", "increments[1].increment", "increments[2]", "increments[3].from", "increments[4].increment"], ignoreOrder: true);
    }

    [Fact]
    public void A_custom_increment_table_applies()
    {
        var (terms, _) = Check(Valid with { Increments = [new(0, 1), new(1_000, 100)] });

        terms!.Increments.At(999).ShouldBe(1);
        terms.Increments.At(1_000).ShouldBe(100);
    }

    [Fact]
    public void An_empty_increment_table_is_refused() =>
        Check(Valid with { Increments = [] }).Errors.ShouldContainKey("increments");

    [Theory]
    [InlineData(-1L, null, "softClose.windowSeconds")]
    [InlineData(3601L, null, "softClose.windowSeconds")]
    [InlineData(null, 86_401L, "softClose.maxExtensionSeconds")]
    public void Soft_close_settings_are_bounded(long? window, long? cap, string field) =>
        Check(Valid with { SoftCloseWindowSeconds = window, SoftCloseMaxExtensionSeconds = cap }).Errors.ShouldContainKey(field);
}
