using EcoBid.Domain.Validation;

namespace EcoBid.Domain.Auctions;

/// <summary>
/// The least step between bids at each price. Steps are ordered by <see cref="IncrementStep.From"/>, the first from
/// 0, and their increments never shrink: so a price plus its increment never falls as the price rises, which keeps
/// the visible price monotonic under proxy bidding.
/// </summary>
public sealed class IncrementTable : IEquatable<IncrementTable>
{
    public const int MaxSteps = 20;

    private readonly IncrementStep[] _steps;

    private IncrementTable(IncrementStep[] steps) => _steps = steps;

    /// <summary>eBay's ladder, in minor units (docs/auctions.md): 0.05 below 1.00 up to 100.00 from 5,000.00.</summary>
    public static IncrementTable Default { get; } = new(
    [
        new(0, 5),
        new(1_00, 25),
        new(5_00, 50),
        new(25_00, 1_00),
        new(100_00, 2_50),
        new(250_00, 5_00),
        new(500_00, 10_00),
        new(1_000_00, 25_00),
        new(2_500_00, 50_00),
        new(5_000_00, 100_00),
    ]);

    public IReadOnlyList<IncrementStep> Steps => _steps;

    /// <summary>The increment that applies at <paramref name="price"/>.</summary>
    public long At(long price)
    {
        var increment = _steps[0].Increment;
        foreach (var step in _steps)
        {
            if (step.From > price)
            {
                break;
            }

            increment = step.Increment;
        }

        return increment;
    }

    /// <summary>A table from a seller's steps, or null with the faults named by field (<c>increments[1].from</c>, …).</summary>
    public static IncrementTable? Create(IReadOnlyList<NewIncrementStep?> steps, ValidationErrors errors, string field = "increments")
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(errors);
        if (steps.Count is 0 or > MaxSteps)
        {
            errors.Add(field, $"Give 1 to {MaxSteps} steps, the first from 0; or leave the increments out for the default table.");
            return null;
        }

        var table = new List<IncrementStep>(steps.Count);
        var valid = true;
        void Fault(string path, string message)
        {
            errors.Add(path, message);
            valid = false;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (steps[i] is not { From: { } from, Increment: { } increment })
            {
                Fault(at, "Each step is an object with 'from' and 'increment', both whole numbers of minor units.");
                continue;
            }

            var previous = table.Count > 0 ? table[^1] : null;
            if (i == 0 && from != 0)
            {
                Fault($"{at}.from", "The first step starts from 0.");
            }
            else if (from is < 0 or > AuctionLimits.MaxAmount)
            {
                Fault($"{at}.from", $"'from' is between 0 and {AuctionLimits.MaxAmount}.");
            }
            else if (previous is not null && from <= previous.From)
            {
                Fault($"{at}.from", "Steps are in ascending order of 'from', each above the one before.");
            }

            if (increment is < 1 or > AuctionLimits.MaxAmount)
            {
                Fault($"{at}.increment", $"The increment is between 1 and {AuctionLimits.MaxAmount} minor units.");
            }
            else if (previous is not null && increment < previous.Increment)
            {
                Fault($"{at}.increment", "Increments never shrink as the price rises.");
            }

            table.Add(new IncrementStep(from, increment));
        }

        return valid ? new IncrementTable([.. table]) : null;
    }

    public bool Equals(IncrementTable? other) => other is not null && _steps.SequenceEqual(other._steps);

    public override bool Equals(object? obj) => Equals(obj as IncrementTable);

    public override int GetHashCode() => _steps.Aggregate(0, (hash, step) => HashCode.Combine(hash, step));
}
