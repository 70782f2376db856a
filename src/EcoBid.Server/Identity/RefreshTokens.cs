using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Storage;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Identity;

/// <summary>
/// Rotating refresh tokens. Each use returns a new token of the same family and spends the old one; presenting a
/// spent token means it was stolen or replayed, so the whole family is revoked and the user must sign in again.
/// </summary>
public sealed class RefreshTokens(IOptions<AuthOptions> options)
{
    public async Task<string> IssueAsync(IWriteScope scope, string userId, string? familyId = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var token = AccountStore.NewToken();
        await scope.Connection.ExecuteAsync(
            "INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at) VALUES (@hash, @family, @userId, @now, @expires)",
            new
            {
                hash = AccountStore.HashToken(token),
                family = familyId ?? Guid.NewGuid().ToString("N"),
                userId,
                now = scope.Now.ToUnixTimeMilliseconds(),
                expires = scope.Now.Add(options.Value.RefreshTokenLifetime).ToUnixTimeMilliseconds(),
            },
            scope.Transaction);
        return token;
    }

    /// <summary>Spends the token and returns its user and a successor, or a reason it cannot be used.</summary>
    public async Task<RefreshOutcome> RotateAsync(IWriteScope scope, string token)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await AggregateLocks.RefreshTokenAsync(scope, AccountStore.HashToken(token));
        var row = await scope.Connection.QuerySingleOrDefaultAsync<TokenRow>(
            "SELECT family_id AS FamilyId, user_id AS UserId, expires_at AS ExpiresAt, used_at AS UsedAt, revoked_at AS RevokedAt FROM refresh_tokens WHERE token_hash = @hash",
            new { hash = AccountStore.HashToken(token) },
            scope.Transaction);
        var now = scope.Now.ToUnixTimeMilliseconds();
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return RefreshOutcome.Refused;
        }

        if (row.UsedAt is not null)
        {
            await RevokeFamilyAsync(scope, row.FamilyId);
            return RefreshOutcome.Reused;
        }

        await scope.Connection.ExecuteAsync(
            "UPDATE refresh_tokens SET used_at = @now WHERE token_hash = @hash", new { now, hash = AccountStore.HashToken(token) }, scope.Transaction);
        return new RefreshOutcome(row.UserId, await IssueAsync(scope, row.UserId, row.FamilyId), null);
    }

    public async Task<bool> RevokeAsync(IWriteScope scope, string token)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var family = await scope.Connection.ExecuteScalarAsync<string?>(
            "SELECT family_id FROM refresh_tokens WHERE token_hash = @hash", new { hash = AccountStore.HashToken(token) }, scope.Transaction);
        if (family is null)
        {
            return false;
        }

        await RevokeFamilyAsync(scope, family);
        return true;
    }

    public static Task RevokeAllAsync(IWriteScope scope, string userId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL",
            new { now = scope.Now.ToUnixTimeMilliseconds(), userId },
            scope.Transaction);
    }

    private static Task<int> RevokeFamilyAsync(IWriteScope scope, string familyId) =>
        scope.Connection.ExecuteAsync(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @familyId AND revoked_at IS NULL",
            new { now = scope.Now.ToUnixTimeMilliseconds(), familyId },
            scope.Transaction);

    private sealed record TokenRow(string FamilyId, string UserId, long ExpiresAt, long? UsedAt, long? RevokedAt);
}

public sealed record RefreshOutcome(string? UserId, string? Token, string? Problem)
{
    public static RefreshOutcome Refused { get; } = new(null, null, "The refresh token is not valid.");

    public static RefreshOutcome Reused { get; } = new(null, null, "The refresh token was already used; every session of its sign-in has been ended.");
}
