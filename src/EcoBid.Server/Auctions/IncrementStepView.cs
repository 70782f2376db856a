namespace EcoBid.Server.Auctions;

public sealed record IncrementStepView(long From, long Increment);
