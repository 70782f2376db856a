using EcoBid.Domain.Auctions;
using EcoBid.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Auctions;

/// <summary>Refusals as problem details: the amount invalid (400), not yours to do (403), the auction says no (409).</summary>
public static class AuctionProblems
{
    public static ProblemHttpResult Refused(BidRefusal refusal, string field = "maxAmount")
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Reason switch
        {
            BidRefusal.Kind.Invalid => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "The request has invalid fields.", detail: refusal.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [refusal.Message] } }),
            BidRefusal.Kind.NotAllowed => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: refusal.Message),
            _ when refusal.MinimumAmount is { } minimum => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: refusal.Message,
                extensions: new Dictionary<string, object?> { ["field"] = field, ["minimumAmount"] = minimum }),
            _ => Problems.Conflict(refusal.Message),
        };
    }

    public static ProblemHttpResult NoAuction(string itemMode) => Problems.Conflict(
        itemMode == Domain.Items.ItemMode.Auction ? "The item has no auction yet." : "The item is given away free: reserve it instead of bidding.");
}
