using Dapper;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Identity;

/// <summary>One-time tokens for email verification and password reset, stored hashed, spent on use.</summary>
public static class AccountTokens
{
    public const string Verify = "verify-email";
    public const string Reset = "reset-password";

    public static async Task<string> CreateAsync(IWriteScope scope, string userId, string purpose, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var token = AccountStore.NewToken();
        await scope.Connection.ExecuteAsync(
            "INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at) VALUES (@hash, @userId, @purpose, @expires)",
            new { hash = AccountStore.HashToken(token), userId, purpose, expires = scope.Now.Add(lifetime).ToUnixTimeMilliseconds() },
            scope.Transaction);
        return token;
    }

    /// <summary>Marks the token used and returns its user, or null when it is unknown, spent, expired or for another purpose.</summary>
    public static async Task<string?> SpendAsync(IWriteScope scope, string? token, string purpose)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        return await scope.Connection.ExecuteScalarAsync<string?>(
            """
            UPDATE account_tokens SET used_at = @now
            WHERE token_hash = @hash AND purpose = @purpose AND used_at IS NULL AND expires_at > @now
            RETURNING user_id
            """,
            new { now = scope.Now.ToUnixTimeMilliseconds(), hash = AccountStore.HashToken(token), purpose },
            scope.Transaction);
    }
}
