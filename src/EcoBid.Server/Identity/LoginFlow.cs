using Dapper;
using EcoBid.Domain.Users;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Identity;

/// <summary>
/// Sign-in: the password hash is checked outside the write transaction (it is deliberately slow and must not hold
/// SQLite's one writer); the counters, the lockout and the new refresh token are then written in one transaction.
/// </summary>
public static class LoginFlow
{
    public enum Result
    {
        Success,
        Failed,
        Locked,
        Unverified,
        MfaRequired,
    }

    public sealed record Outcome(Result Kind, TokenResponse? Tokens = null, TimeSpan? RetryAfter = null);

    public static async Task<Outcome> RunAsync(
        IEventDatabase database, string email, string password, string? totpCode, PasswordHashing passwords,
        AccessTokens accessTokens, RefreshTokens refreshTokens, AuthOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(passwords);
        ArgumentNullException.ThrowIfNull(options);
        var user = await database.ReadAsync(connection => AccountStore.FindByEmailAsync(connection, email), cancellationToken);
        if (user is null)
        {
            passwords.Verify(DummyHash(passwords), password); // the same work as for a real account: no timing oracle
            return new Outcome(Result.Failed);
        }

        if (LockedFor(user, clock.GetUtcNow()) is { } wait)
        {
            return new Outcome(Result.Locked, RetryAfter: wait);
        }

        var passwordOk = passwords.Verify(user.PasswordHash, password);
        return await database.WriteAsync(async scope =>
        {
            var current = (await AccountStore.FindByIdAsync(scope.Connection, user.Id, scope.Transaction))!;
            if (LockedFor(current, scope.Now) is { } stillLocked)
            {
                return new Outcome(Result.Locked, RetryAfter: stillLocked);
            }

            if (!passwordOk)
            {
                return await FailAsync(scope, current, options);
            }

            if (current.EmailVerifiedAt is null)
            {
                return new Outcome(Result.Unverified);
            }

            long? step = null;
            if (current.TotpEnabled)
            {
                if (string.IsNullOrEmpty(totpCode))
                {
                    return new Outcome(Result.MfaRequired);
                }

                step = Totp.Verify(Base32.Decode(current.TotpSecret!), totpCode, scope.Now);
                if (step is null || step <= current.TotpLastStep)
                {
                    return await FailAsync(scope, current, options);
                }
            }

            await scope.Connection.ExecuteAsync(
                "UPDATE users SET failed_logins = 0, locked_until = NULL, totp_last_step = COALESCE(@step, totp_last_step) WHERE id = @id",
                new { step, id = current.Id },
                scope.Transaction);
            var refresh = await refreshTokens.IssueAsync(scope, current.Id);
            return new Outcome(Result.Success, new TokenResponse(accessTokens.Issue(current), "Bearer", (int)accessTokens.Lifetime.TotalSeconds, refresh));
        }, cancellationToken);
    }

    private static async Task<Outcome> FailAsync(IWriteScope scope, UserAccount user, AuthOptions options)
    {
        var failures = user.FailedLogins + 1;
        var lockNow = failures >= options.MaxFailedLogins;
        await scope.Connection.ExecuteAsync(
            "UPDATE users SET failed_logins = @failures, locked_until = @lockedUntil WHERE id = @id",
            new { failures = lockNow ? 0 : failures, lockedUntil = lockNow ? scope.Now.Add(options.LockoutDuration).ToUnixTimeMilliseconds() : user.LockedUntil, id = user.Id },
            scope.Transaction);
        return lockNow ? new Outcome(Result.Locked, RetryAfter: options.LockoutDuration) : new Outcome(Result.Failed);
    }

    private static TimeSpan? LockedFor(UserAccount user, DateTimeOffset now) =>
        user.LockedUntil is { } until && until > now.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(until) - now
            : null;

    private static string? _dummyHash;

    private static string DummyHash(PasswordHashing passwords) => _dummyHash ??= passwords.Hash("Not-a-real-account-0");
}
