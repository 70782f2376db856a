using Dapper;
using EcoBid.Domain.Users;
using EcoBid.Events.Storage;
using EcoBid.Server.Storage;

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
        CodeReused,
    }

    public sealed record Outcome(Result Kind, TokenResponse? Tokens = null, TimeSpan? RetryAfter = null);

    public static async Task<Outcome> RunAsync(
        IEventDatabase database, string email, string password, string? totpCode, PasswordHashing passwords,
        AccessTokens accessTokens, RefreshTokens refreshTokens, AuthOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(passwords);
        ArgumentNullException.ThrowIfNull(options);
        var key = LoginThrottle.KeyFor(email);
        var (user, locked) = await database.ReadAsync(
            async connection => (await AccountStore.FindByEmailAsync(connection, email), await LoginThrottle.LockedForAsync(connection, key, clock.GetUtcNow())),
            cancellationToken);
        if (locked is { } wait)
        {
            return new Outcome(Result.Locked, RetryAfter: wait);
        }

        if (user is null)
        {
            passwords.Verify(DummyHash(passwords), password); // the same work as for a real account: no timing oracle
            return await database.WriteAsync(async scope => await FailAsync(scope, key, options, Result.Failed), cancellationToken);
        }

        var passwordOk = passwords.Verify(user.PasswordHash, password);
        return await database.WriteAsync(async scope =>
        {
            // A one-time code is spent once: two sign-ins with the same code take turns, the second sees it spent.
            await AggregateLocks.UserAsync(scope, user.Id);
            if (await LoginThrottle.LockedForAsync(scope.Connection, key, scope.Now, scope.Transaction) is { } stillLocked)
            {
                return new Outcome(Result.Locked, RetryAfter: stillLocked);
            }

            var current = (await AccountStore.FindByIdAsync(scope.Connection, user.Id, scope.Transaction))!;
            if (!passwordOk)
            {
                return await FailAsync(scope, key, options, Result.Failed);
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

                step = Totp.Verify(Totp.SecretBytes(current.TotpSecret!), totpCode, scope.Now);
                if (step is null)
                {
                    return await FailAsync(scope, key, options, Result.Failed);
                }

                if (step <= current.TotpLastStep)
                {
                    // A code that was right but is spent: said apart so the person waits for the next one, and still
                    // counted, so a captured code cannot be tried forever.
                    return await FailAsync(scope, key, options, Result.CodeReused);
                }
            }

            await scope.Connection.ExecuteAsync(
                "UPDATE users SET totp_last_step = COALESCE(@step, totp_last_step) WHERE id = @id",
                new { step, id = current.Id },
                scope.Transaction);
            await LoginThrottle.ClearAsync(scope, key);
            var refresh = await refreshTokens.IssueAsync(scope, current.Id);
            return new Outcome(Result.Success, new TokenResponse(accessTokens.Issue(current), "Bearer", (int)accessTokens.Lifetime.TotalSeconds, refresh));
        }, cancellationToken);
    }

    private static async Task<Outcome> FailAsync(IWriteScope scope, string key, AuthOptions options, Result failure) =>
        await LoginThrottle.FailAsync(scope, key, options) is { } lockedFor
            ? new Outcome(Result.Locked, RetryAfter: lockedFor)
            : new Outcome(failure);

    private static string? _dummyHash;

    private static string DummyHash(PasswordHashing passwords) => _dummyHash ??= passwords.Hash("Not-a-real-account-0");
}
