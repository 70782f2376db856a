namespace EcoBid.Server.Auctions;

/// <summary>A request already answered: what was asked (to refuse a key reused for something else) and the answer.</summary>
public sealed record StoredRequest(string Request, string Response);
