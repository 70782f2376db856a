using System.Text.Json;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Auctions;

/// <summary>
/// Idempotency for bids and buy-now: a request carries an <c>Idempotency-Key</c>; its answer is stored under the
/// user and key in the transaction that placed the bid, so a retry (a lost response, a double click) gets the same
/// answer and never bids twice. Refusals are not stored: nothing changed, and asking again is harmless.
/// </summary>
public static class AuctionRequests
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The header as a problem's field name: lower case, as problem field names are, and headers compare so.</summary>
    public const string Field = "idempotency-key";
    public const int MaxKeyLength = 100;

    /// <returns>What is wrong with the key, or null.</returns>
    public static string? CheckKey(string? key) =>
        string.IsNullOrEmpty(key) ? $"Send an {Header} header (1 to {MaxKeyLength} printable characters, e.g. a UUID) so a retry cannot bid twice."
        : key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~') ? $"The {Header} is 1 to {MaxKeyLength} printable ASCII characters without spaces."
        : null;

    public static Task<StoredRequest?> FindAsync(IWriteScope scope, string userId, string key)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return WriterCommands.FirstOrDefaultAsync<StoredRequest>(
            scope, "SELECT request, response FROM auction_requests WHERE user_id = @userId AND idempotency_key = @key", ("@userId", userId), ("@key", key));
    }

    public static Task SaveAsync(IWriteScope scope, string userId, string key, string request, BidResponse response)
    {
        var save = Save(scope, userId, key, request, response);
        return WriterCommands.ExecuteAsync(scope, save.Sql, save.Parameters);
    }

    /// <summary>The statement that stores the answer, to send along with the bid's own writes.</summary>
    public static SqlWrite Save(IWriteScope scope, string userId, string key, string request, BidResponse response)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new SqlWrite(
            "INSERT INTO auction_requests (user_id, idempotency_key, request, response, created_at) VALUES (@userId, @key, @request, @response, @now)",
            ("@userId", userId), ("@key", key), ("@request", request), ("@response", JsonSerializer.Serialize(response, EcoBidJson.Web)), ("@now", scope.Now.ToUnixTimeMilliseconds()));
    }

    public static BidResponse Read(StoredRequest stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize<BidResponse>(stored.Response, EcoBidJson.Web)
            ?? throw new InvalidDataException("A stored bid response is empty.");
    }
}
