using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Users;
using EcoBid.Domain.Validation;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Http;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QRCoder;

namespace EcoBid.Server.Identity;

/// <summary>Sign-up, verification, sign-in with optional TOTP, rotating refresh, sign-out, password reset.</summary>
public static class AuthApi
{
    public const int DisplayNameMaxLength = 60;
    private const string Issuer = "EcoBid";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/register", Register).ProducesProblem(409).RequireRateLimiting(RateLimits.AuthPolicy).WithSummary("Creates an account; a verification link is emailed.");
        group.MapPost("/verify-email", VerifyEmail).RequireRateLimiting(RateLimits.AuthPolicy).WithSummary("Confirms the email address with the emailed token.");
        group.MapPost("/verify-email/resend", ResendVerification).RequireRateLimiting(RateLimits.AuthPolicy)
            .WithSummary("Emails a new verification link if the address has an unverified account (the answer is the same either way).");
        group.MapPost("/login", Login).ProducesProblem(401).ProducesProblem(403).ProducesProblem(423).RequireRateLimiting(RateLimits.AuthPolicy).WithSummary("Returns a 1-hour access token and a refresh token.");
        group.MapPost("/refresh", Refresh).ProducesProblem(401).WithSummary("Swaps a refresh token for new tokens; a reused one ends every session of its sign-in.");
        group.MapPost("/logout", Logout).WithSummary("Ends the sign-in the refresh token belongs to.");
        group.MapPost("/password/forgot", ForgotPassword).RequireRateLimiting(RateLimits.AuthPolicy).WithSummary("Emails a reset link if the account exists (the answer is the same either way).");
        group.MapPost("/password/reset", ResetPassword).RequireRateLimiting(RateLimits.AuthPolicy).WithSummary("Sets a new password with the emailed token and ends every session.");
        group.MapPost("/mfa/setup", SetupMfa).RequireAuthorization().WithSummary("Creates a TOTP secret and its QR code; enable it with a first code.");
        group.MapPost("/mfa/enable", EnableMfa).RequireAuthorization().WithSummary("Turns TOTP on after checking a code from the app.");
        group.MapPost("/mfa/disable", DisableMfa).RequireAuthorization().WithSummary("Turns TOTP off after checking a current code.");
        return routes;
    }

    public static async Task<Results<Created<RegisteredResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, IEventDatabase database, PasswordHashing passwords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var email = EmailAddresses.Normalize(request.Email);
        if (email is null)
        {
            errors.Add("email", "A valid email address is required.");
        }

        foreach (var fault in PasswordPolicy.Check(request.Password))
        {
            errors.Add("password", fault);
        }

        var displayName = request.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName) || displayName.Length > DisplayNameMaxLength || displayName.Any(char.IsControl))
        {
            errors.Add("displayName", $"A display name of 1 to {DisplayNameMaxLength} characters is required.");
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var hash = passwords.Hash(request.Password!);
        var created = await database.WriteAsync<UserAccount?>(async scope =>
        {
            // The unique index on email is the guarantee; the lock lets a concurrent sign-up get the 409 rather than the index's error.
            await AggregateLocks.EmailAsync(scope, email!);
            if (await AccountStore.FindByEmailAsync(scope.Connection, email!, scope.Transaction) is not null)
            {
                return null;
            }

            var now = scope.Now.ToUnixTimeMilliseconds();
            var user = new UserAccount
            {
                Id = Guid.CreateVersion7(scope.Now).ToString(),
                Email = email!,
                PasswordHash = hash,
                DisplayName = displayName!,
                Role = Roles.User,
                NotificationPrefs = "{}",
                CreatedAt = now,
                UpdatedAt = now,
            };
            await scope.Connection.ExecuteAsync(
                "INSERT INTO users (id, email, password_hash, display_name, role, created_at, updated_at) VALUES (@Id, @Email, @PasswordHash, @DisplayName, @Role, @CreatedAt, @UpdatedAt)",
                user,
                scope.Transaction);
            await scope.PublishAsync(new UserRegistered(user.Id, user.DisplayName, scope.Now));
            return user;
        }, cancellationToken);

        return created is null
            ? Problems.Conflict("An account with this email address exists already.")
            : TypedResults.Created($"/users/{created.Id}", new RegisteredResponse(created.Id, created.Email, created.DisplayName, false));
    }

    public static async Task<Results<NoContent, ValidationProblem>> VerifyEmail(TokenRequest request, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verified = await database.WriteAsync(async scope =>
        {
            var userId = await AccountTokens.SpendAsync(scope, request.Token, AccountTokens.Verify);
            if (userId is null)
            {
                return false;
            }

            await scope.Connection.ExecuteAsync(
                "UPDATE users SET email_verified_at = COALESCE(email_verified_at, @now), updated_at = @now WHERE id = @userId",
                new { now = scope.Now.ToUnixTimeMilliseconds(), userId },
                scope.Transaction);
            await scope.PublishAsync(new UserVerified(userId, scope.Now));
            return true;
        }, cancellationToken);
        return verified ? TypedResults.NoContent() : Problems.Validation("token", "The verification token is not valid or has expired.");
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, IEventDatabase database, PasswordHashing passwords, AccessTokens accessTokens,
        RefreshTokens refreshTokens, IOptions<AuthOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var email = EmailAddresses.Normalize(request.Email);
        if (email is null || string.IsNullOrEmpty(request.Password) || request.Password.Length > PasswordPolicy.MaxLength)
        {
            return Problems.Validation(email is null ? "email" : "password", "An email address and a password are required.");
        }

        var outcome = await LoginFlow.RunAsync(database, email, request.Password, request.TotpCode, passwords, accessTokens, refreshTokens, options.Value, clock, cancellationToken);
        switch (outcome.Kind)
        {
            case LoginFlow.Result.Success:
                return TypedResults.Ok(outcome.Tokens!);
            case LoginFlow.Result.Locked:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "The account is locked.", detail: "Too many failed sign-ins; try again later.");
            case LoginFlow.Result.Unverified:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The email address is not verified.", detail: "Follow the link in the verification email first.");
            case LoginFlow.Result.CodeReused:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.TotpCodeUsed, title: "The one-time code was used already.",
                    detail: "Each code signs in once: wait for your authenticator app to show the next code, then try again.");
            case LoginFlow.Result.MfaRequired:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized, title: "A one-time code is required.", detail: "Send totpCode from your authenticator app.",
                    extensions: new Dictionary<string, object?> { ["mfaRequired"] = true });
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: "The email address, password or code is wrong.");
        }
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> Refresh(
        RefreshRequest request, IEventDatabase database, AccessTokens accessTokens, RefreshTokens refreshTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.RefreshToken) || request.RefreshToken.Length > 200)
        {
            return Problems.Validation("refreshToken", "The refresh token is required.");
        }

        var (outcome, user) = await database.WriteAsync(async scope =>
        {
            var rotated = await refreshTokens.RotateAsync(scope, request.RefreshToken);
            var account = rotated.UserId is null ? null : await AccountStore.FindByIdAsync(scope.Connection, rotated.UserId, scope.Transaction);
            return (rotated, account);
        }, cancellationToken);
        return outcome.Token is null || user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The refresh token was refused.", detail: outcome.Problem)
            : TypedResults.Ok(new TokenResponse(accessTokens.Issue(user), "Bearer", (int)accessTokens.Lifetime.TotalSeconds, outcome.Token));
    }

    public static async Task<NoContent> Logout(RefreshRequest request, IEventDatabase database, RefreshTokens refreshTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(request.RefreshToken) && request.RefreshToken.Length <= 200)
        {
            await database.WriteAsync(scope => refreshTokens.RevokeAsync(scope, request.RefreshToken), cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// A new verification link, at most one per address per <see cref="AuthOptions.VerificationResendInterval"/>; the
    /// answer is 202 whether or not the address has an account, is verified already, or asked a moment ago.
    /// </summary>
    public static async Task<Results<Accepted, ValidationProblem>> ResendVerification(
        ForgotPasswordRequest request, IEventDatabase database, IOptions<AuthOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = EmailAddresses.Normalize(request.Email);
        if (email is null)
        {
            return Problems.Validation("email", "A valid email address is required.");
        }

        await database.WriteAsync(async scope =>
        {
            var userId = await scope.Connection.ExecuteScalarAsync<string?>(
                """
                UPDATE users SET verification_requested_at = @now
                WHERE email = @email AND email_verified_at IS NULL AND (verification_requested_at IS NULL OR verification_requested_at <= @cutOff)
                RETURNING id
                """,
                new { email, now = scope.Now.ToUnixTimeMilliseconds(), cutOff = (scope.Now - options.Value.VerificationResendInterval).ToUnixTimeMilliseconds() },
                scope.Transaction);
            if (userId is not null)
            {
                await scope.PublishAsync(new VerificationEmailRequested(userId, scope.Now));
            }

            return true;
        }, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Accepted, ValidationProblem>> ForgotPassword(ForgotPasswordRequest request, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = EmailAddresses.Normalize(request.Email);
        if (email is null)
        {
            return Problems.Validation("email", "A valid email address is required.");
        }

        await database.WriteAsync(async scope =>
        {
            if (await AccountStore.FindByEmailAsync(scope.Connection, email, scope.Transaction) is { } user)
            {
                await scope.PublishAsync(new PasswordResetRequested(user.Id, scope.Now));
            }

            return true;
        }, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ValidationProblem>> ResetPassword(ResetPasswordRequest request, IEventDatabase database, PasswordHashing passwords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var faults = PasswordPolicy.Check(request.NewPassword);
        if (faults.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. faults] });
        }

        var hash = passwords.Hash(request.NewPassword!);
        var reset = await database.WriteAsync(async scope =>
        {
            var userId = await AccountTokens.SpendAsync(scope, request.Token, AccountTokens.Reset);
            if (userId is null)
            {
                return false;
            }

            var email = await scope.Connection.ExecuteScalarAsync<string>(
                "UPDATE users SET password_hash = @hash, updated_at = @now WHERE id = @userId RETURNING email",
                new { hash, now = scope.Now.ToUnixTimeMilliseconds(), userId },
                scope.Transaction);
            await LoginThrottle.ClearAsync(scope, LoginThrottle.KeyFor(email!));
            await RefreshTokens.RevokeAllAsync(scope, userId);
            await scope.PublishAsync(new UserProfileUpdated(userId, ["password"], scope.Now));
            return true;
        }, cancellationToken);
        return reset ? TypedResults.NoContent() : Problems.Validation("token", "The reset token is not valid or has expired.");
    }

    public static async Task<Ok<MfaSetupResponse>> SetupMfa(ClaimsPrincipal principal, IEventDatabase database, CancellationToken cancellationToken)
    {
        var secret = Totp.NewSecret();
        var user = await database.WriteAsync(async scope =>
        {
            await scope.Connection.ExecuteAsync(
                "UPDATE users SET totp_secret = @secret, updated_at = @now WHERE id = @id AND totp_enabled = 0",
                new { secret = Totp.SecretText(secret), now = scope.Now.ToUnixTimeMilliseconds(), id = principal.Id() },
                scope.Transaction);
            return (await AccountStore.FindByIdAsync(scope.Connection, principal.Id(), scope.Transaction))!;
        }, cancellationToken);
        var stored = Totp.SecretBytes(user.TotpSecret!);
        var uri = Totp.ProvisioningUri(Issuer, user.Email, stored);
        using var qr = new PngByteQRCode(QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M));
        return TypedResults.Ok(new MfaSetupResponse(user.TotpSecret!, uri, "data:image/png;base64," + Convert.ToBase64String(qr.GetGraphic(6))));
    }

    public static Task<Results<NoContent, ValidationProblem>> EnableMfa(CodeRequest request, ClaimsPrincipal principal, IEventDatabase database, CancellationToken cancellationToken) =>
        SwitchMfaAsync(request, principal, database, enable: true, cancellationToken);

    public static Task<Results<NoContent, ValidationProblem>> DisableMfa(CodeRequest request, ClaimsPrincipal principal, IEventDatabase database, CancellationToken cancellationToken) =>
        SwitchMfaAsync(request, principal, database, enable: false, cancellationToken);

    private static async Task<Results<NoContent, ValidationProblem>> SwitchMfaAsync(
        CodeRequest request, ClaimsPrincipal principal, IEventDatabase database, bool enable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var switched = await database.WriteAsync(async scope =>
        {
            await AggregateLocks.UserAsync(scope, principal.Id());
            var user = await AccountStore.FindByIdAsync(scope.Connection, principal.Id(), scope.Transaction);
            if (user?.TotpSecret is null || user.TotpEnabled == enable)
            {
                return false;
            }

            var step = Totp.Verify(Totp.SecretBytes(user.TotpSecret), request.Code, scope.Now);
            if (step is null || step <= user.TotpLastStep)
            {
                return false;
            }

            await scope.Connection.ExecuteAsync(
                "UPDATE users SET totp_enabled = @enabled, totp_last_step = @step, totp_secret = CASE WHEN @enabled = 1 THEN totp_secret END, updated_at = @now WHERE id = @id",
                new { enabled = enable ? 1 : 0, step, now = scope.Now.ToUnixTimeMilliseconds(), id = user.Id },
                scope.Transaction);
            await scope.PublishAsync(new UserProfileUpdated(user.Id, ["mfa"], scope.Now));
            return true;
        }, cancellationToken);
        return switched
            ? TypedResults.NoContent()
            : Problems.Validation("code", enable ? "Run setup first, then send a current code from the app." : "MFA is not on, or the code is wrong.");
    }
}
