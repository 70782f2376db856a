namespace EcoBid.Server.Observability.Business;

/// <summary>Hourly figures from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive), one entry per hour, oldest first.</summary>
public sealed record BusinessSeries(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<BusinessHour> Hours);
