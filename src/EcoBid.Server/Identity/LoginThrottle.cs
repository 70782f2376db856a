using System.Security.Cryptography;
using System.Text;
using Dapper;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Identity;

/// <summary>
/// Failed sign-ins and lockouts, counted per email address whether or not an account has it: an unknown address
/// answers exactly as a known one does (401 until the limit, then 423 with the same Retry-After), so the lockout does
/// not tell anyone which addresses have accounts. Addresses are kept as SHA-256 digests, never in the clear.
/// </summary>
public static class LoginThrottle
{
    public static string KeyFor(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    /// <summary>How long the address stays locked, or null when it is not.</summary>
    public static async Task<TimeSpan?> LockedForAsync(System.Data.Common.DbConnection connection, string key, DateTimeOffset now, System.Data.Common.DbTransaction? transaction = null)
    {
        var until = await connection.ExecuteScalarAsync<long?>("SELECT locked_until FROM login_failures WHERE email_key = @key", new { key }, transaction);
        return until is { } value && value > now.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(value) - now : null;
    }

    /// <summary>Counts a failure; returns how long the address is now locked, or null when it is not (yet).</summary>
    public static async Task<TimeSpan?> FailAsync(IWriteScope scope, string key, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(options);
        var now = scope.Now.ToUnixTimeMilliseconds();
        var failures = await scope.Connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO login_failures (email_key, failures, locked_until, last_failed_at) VALUES (@key, 1, NULL, @now)
            ON CONFLICT (email_key) DO UPDATE SET failures = login_failures.failures + 1, last_failed_at = @now
            RETURNING failures
            """,
            new { key, now },
            scope.Transaction);
        if (failures < options.MaxFailedLogins)
        {
            return null;
        }

        await scope.Connection.ExecuteAsync(
            "UPDATE login_failures SET failures = 0, locked_until = @until WHERE email_key = @key",
            new { key, until = scope.Now.Add(options.LockoutDuration).ToUnixTimeMilliseconds() },
            scope.Transaction);
        return options.LockoutDuration;
    }

    /// <summary>A successful sign-in or a new password clears the address's count.</summary>
    public static Task ClearAsync(IWriteScope scope, string key)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync("DELETE FROM login_failures WHERE email_key = @key", new { key }, scope.Transaction);
    }

    /// <summary>Forgets counts of addresses that are not locked and have not failed for <paramref name="quietFor"/>.</summary>
    public static Task<int> ForgetQuietAsync(IWriteScope scope, TimeSpan quietFor)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = scope.Now.ToUnixTimeMilliseconds();
        return scope.Connection.ExecuteAsync(
            "DELETE FROM login_failures WHERE (locked_until IS NULL OR locked_until < @now) AND last_failed_at < @before",
            new { now, before = scope.Now.Subtract(quietFor).ToUnixTimeMilliseconds() },
            scope.Transaction);
    }
}
