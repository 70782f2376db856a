using System.Data.Common;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Disputes;

/// <summary>The dispute rows, each step inside the caller's transaction.</summary>
public static class DisputeStore
{
    /// <summary>How long the other party has to answer.</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromHours(24);

    /// <summary>How long a dispute may stay unresolved before it expires.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string Columns = "id, reservation_id, buyer_id, seller_id, opened_by, type, status, text, response_text, response_accept, outcome, resolved_by, admin_note, opened_at, respond_by, expires_at, resolved_at, response_token, admin_token, execution_arn";

    public static Task<DisputeRecord?> FindAsync(DbConnection connection, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<DisputeRecord>($"SELECT {Columns} FROM disputes WHERE id = @id", new { id }, transaction);

    public static async Task<IReadOnlyList<DisputeRecord>> ListAsync(DbConnection connection, string? status, int limit) =>
        (await connection.QueryAsync<DisputeRecord>(
            $"SELECT {Columns} FROM disputes WHERE @status IS NULL OR status = @status ORDER BY opened_at DESC LIMIT @limit", new { status, limit })).AsList();

    public static Task<bool> HasOpenAsync(IWriteScope scope, string reservationId) =>
        scope.Connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM disputes WHERE reservation_id = @reservationId AND status <> 'resolved')", new { reservationId }, scope.Transaction);

    public static async Task<DisputeRecord> OpenAsync(IWriteScope scope, string reservationId, string buyerId, string sellerId, string openedBy, string type, string text)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = scope.Now;
        var dispute = new DisputeRecord
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ReservationId = reservationId,
            BuyerId = buyerId,
            SellerId = sellerId,
            OpenedBy = openedBy,
            Type = type,
            Status = DisputeRoles.Open,
            Text = text,
            OpenedAt = now.ToUnixTimeMilliseconds(),
            RespondBy = now.Add(ResponseWindow).ToUnixTimeMilliseconds(),
            ExpiresAt = now.Add(Lifetime).ToUnixTimeMilliseconds(),
        };
        await scope.Connection.ExecuteAsync(
            "INSERT INTO disputes (id, reservation_id, buyer_id, seller_id, opened_by, type, status, text, opened_at, respond_by, expires_at) VALUES (@Id, @ReservationId, @BuyerId, @SellerId, @OpenedBy, @Type, @Status, @Text, @OpenedAt, @RespondBy, @ExpiresAt)",
            dispute,
            scope.Transaction);
        await scope.PublishAsync(new DisputeOpened(dispute.Id, reservationId, buyerId, sellerId, openedBy, type, now, now.Add(ResponseWindow), now.Add(Lifetime)));
        return dispute;
    }

    /// <summary>
    /// Resolves the dispute once: false when it was already resolved (a re-run after a crash changes nothing). A
    /// seller's no-show claim decided for the seller records the buyer's no-show (<see cref="DisputeNoShow"/>).
    /// </summary>
    public static async Task<bool> ResolveAsync(IWriteScope scope, DisputeRecord dispute, string outcome, string resolvedBy, string? note)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(dispute);
        var now = scope.Now;
        var changed = await scope.Connection.ExecuteAsync(
            "UPDATE disputes SET status = 'resolved', outcome = @outcome, resolved_by = @resolvedBy, admin_note = COALESCE(@note, admin_note), resolved_at = @at, response_token = NULL, admin_token = NULL WHERE id = @Id AND status <> 'resolved'",
            new { dispute.Id, outcome, resolvedBy, note, at = now.ToUnixTimeMilliseconds() },
            scope.Transaction);
        if (changed == 0)
        {
            return false;
        }

        // Inside the update that resolves it once, so a re-run of the step cannot count the no-show twice.
        var noShow = DisputeNoShow.Applies(dispute, outcome) && await DisputeNoShow.RecordAsync(scope, dispute);
        await scope.PublishAsync(new DisputeResolved(dispute.Id, dispute.ReservationId, dispute.BuyerId, dispute.SellerId, outcome, resolvedBy, now, noShow));
        return true;
    }
}
