using EcoBid.Domain.Validation;

namespace EcoBid.Domain.Auctions;

/// <summary>What makes auction terms acceptable; field names are the API's (camelCase, dotted).</summary>
public static class AuctionRules
{
    /// <summary>Buy-now must be at least this share above the start price (30 %), in tenths: start × 13 / 10.</summary>
    public const int BuyNowMinimumTenthsOfStart = 13;

    /// <returns>The validated terms, or null with <paramref name="errors"/> naming every fault.</returns>
    public static AuctionTerms? Validate(NewAuction input, AuctionLimits limits, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(errors);
        var start = Amount(errors, "startPrice", input.StartPrice, required: true);
        var reserve = Amount(errors, "reservePrice", input.ReservePrice, required: false);
        var buyNow = Amount(errors, "buyNowPrice", input.BuyNowPrice, required: false);
        if (start is { } s && reserve is { } r && r < s)
        {
            errors.Add("reservePrice", "The reserve price is at least the start price.");
        }

        if (start is { } s2 && buyNow is { } b)
        {
            if (b * 10 < s2 * BuyNowMinimumTenthsOfStart)
            {
                errors.Add("buyNowPrice", $"The buy-now price is at least 30 % above the start price: {MinimumBuyNow(s2)} or more.");
            }
            else if (reserve is { } r2 && b < r2)
            {
                errors.Add("buyNowPrice", "The buy-now price is at least the reserve price.");
            }
        }

        var currency = input.Currency;
        if (string.IsNullOrWhiteSpace(currency))
        {
            errors.Add("currency", $"The currency is required: one of {string.Join(", ", AuctionLimits.Currencies)}.");
        }
        else if (!AuctionLimits.Currencies.Contains(currency, StringComparer.Ordinal))
        {
            errors.Add("currency", $"Unknown currency '{(currency.Length > 8 ? currency[..8] + "…" : currency)}'; use one of {string.Join(", ", AuctionLimits.Currencies)}.");
        }

        TimeSpan? duration = null;
        var min = (long)limits.MinDuration.TotalSeconds;
        var max = (long)limits.MaxDuration.TotalSeconds;
        if (input.DurationSeconds is not { } seconds)
        {
            errors.Add("durationSeconds", $"The duration is required, in seconds: {min} to {max}.");
        }
        else if (seconds < min || seconds > max)
        {
            errors.Add("durationSeconds", $"The duration is {min} to {max} seconds.");
        }
        else
        {
            duration = TimeSpan.FromSeconds(seconds);
        }

        var increments = input.Increments is null ? IncrementTable.Default : IncrementTable.Create(input.Increments, errors);
        var softClose = SoftClose(input, errors);
        if (!errors.IsValid)
        {
            return null;
        }

        return new AuctionTerms(start!.Value, reserve, buyNow, currency!, duration!.Value, increments!, softClose!);
    }

    public static long MinimumBuyNow(long startPrice) => (startPrice * BuyNowMinimumTenthsOfStart + 9) / 10;

    private static SoftCloseRule? SoftClose(NewAuction input, ValidationErrors errors)
    {
        var window = Seconds(errors, "softClose.windowSeconds", input.SoftCloseWindowSeconds, SoftCloseRule.Default.Window, SoftCloseRule.MaxWindow);
        var cap = Seconds(errors, "softClose.maxExtensionSeconds", input.SoftCloseMaxExtensionSeconds, SoftCloseRule.Default.MaxExtension, SoftCloseRule.MaxTotalExtension);
        return window is { } w && cap is { } c ? new SoftCloseRule(w, c) : null;
    }

    private static TimeSpan? Seconds(ValidationErrors errors, string field, long? given, TimeSpan fallback, TimeSpan max)
    {
        if (given is not { } seconds)
        {
            return fallback;
        }

        if (seconds < 0 || seconds > (long)max.TotalSeconds)
        {
            errors.Add(field, $"Between 0 and {(long)max.TotalSeconds} seconds (0 turns it off).");
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static long? Amount(ValidationErrors errors, string field, long? amount, bool required)
    {
        if (amount is not { } value)
        {
            if (required)
            {
                errors.Add(field, "Required: a whole number of minor units (cents).");
            }

            return null;
        }

        if (value is < 1 or > AuctionLimits.MaxAmount)
        {
            errors.Add(field, $"A whole number of minor units (cents) from 1 to {AuctionLimits.MaxAmount}.");
            return null;
        }

        return value;
    }
}
