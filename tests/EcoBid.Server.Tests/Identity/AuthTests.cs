using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using EcoBid.Domain.Users;
using EcoBid.Server.Identity;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EcoBid.Server.Tests.Identity;

public sealed class AuthTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Sign_up_verify_sign_in_and_read_your_own_profile()
    {
        var (user, client) = await _app.SignUpAsync(email: "Ann.Smith@Example.com", displayName: "Ann");
        user.Email.ShouldBe("Ann.Smith@Example.com");

        var me = await (await client.GetAsync("/users/me")).ReadJsonAsync();
        me.GetProperty("email").GetString().ShouldBe("ann.smith@example.com");
        me.GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        me.GetProperty("role").GetString().ShouldBe("user");
        me.GetProperty("displayName").GetString().ShouldBe("Ann");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM event_archive WHERE detail_type IN ('UserRegistered', 'UserVerified')")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Signing_in_before_verifying_is_refused()
    {
        var client = _app.CreateClient();
        (await client.PostAsJsonAsync("/auth/register", new { email = "new@example.com", password = AccountFlow.Password, displayName = "New" })).EnsureSuccessStatusCode();
        await (await client.PostAsJsonAsync("/auth/login", new { email = "new@example.com", password = AccountFlow.Password })).ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_a_409()
    {
        await _app.SignUpAsync(email: "dup@example.com");
        var response = await _app.CreateClient().PostAsJsonAsync("/auth/register", new { email = "DUP@example.com", password = AccountFlow.Password, displayName = "Again" });
        await response.ShouldBeProblemAsync(409);
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","password":"Str0ng-enough","displayName":"X"}""", "email")]
    [InlineData("""{"email":"a@example.com","password":"short1A","displayName":"X"}""", "password")]
    [InlineData("""{"email":"a@example.com","password":"nouppercase1","displayName":"X"}""", "password")]
    [InlineData("""{"email":"a@example.com","password":"Str0ng-enough","displayName":""}""", "displayName")]
    [InlineData("""{"email":"a@example.com","password":"Str0ng-enough"}""", "displayName")]
    [InlineData("""{"email":42,"password":"Str0ng-enough","displayName":"X"}""", "email")]
    public async Task Invalid_sign_ups_are_400s_naming_the_field(string body, string field)
    {
        var response = await _app.CreateClient().PostAsync("/auth/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldContain(field);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM users")).ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_and_five_lock_the_account_with_retry_after()
    {
        var (user, _) = await _app.SignUpAsync();
        var client = _app.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "Wr0ng-password" })).ShouldBeProblemAsync(401);
        }

        var fifth = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "Wr0ng-password" });
        await fifth.ShouldBeProblemAsync(423);
        fifth.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.FromMinutes(14));

        var right = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AccountFlow.Password });
        await right.ShouldBeProblemAsync(423);
    }

    [Fact]
    public async Task An_unknown_email_fails_like_a_wrong_password()
    {
        var problem = await (await _app.CreateClient().PostAsJsonAsync("/auth/login", new { email = "nobody@example.com", password = AccountFlow.Password })).ShouldBeProblemAsync(401);
        problem.GetProperty("detail").GetString().ShouldBe("The email address, password or code is wrong.");
    }

    [Fact]
    public async Task A_refresh_token_rotates_and_reusing_a_spent_one_ends_the_whole_family()
    {
        var (user, _) = await _app.SignUpAsync();
        var client = _app.CreateClient();

        var first = await (await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.RefreshToken })).ReadJsonAsync();
        var second = first.GetProperty("refreshToken").GetString()!;
        second.ShouldNotBe(user.RefreshToken);
        first.GetProperty("expiresIn").GetInt32().ShouldBe(3600);

        // The spent token comes back: someone copied it. Both it and its successor stop working.
        await (await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.RefreshToken })).ShouldBeProblemAsync(401);
        await (await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = second })).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task Logging_out_ends_the_refresh_token()
    {
        var (user, _) = await _app.SignUpAsync();
        var client = _app.CreateClient();
        (await client.PostAsJsonAsync("/auth/logout", new { refreshToken = user.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.RefreshToken })).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task Expired_forged_and_missing_access_tokens_are_401s()
    {
        var (user, _) = await _app.SignUpAsync();
        var key = _app.Services.GetRequiredService<SigningKey>().Key;
        var handler = new JsonWebTokenHandler();
        string Token(SecurityKey signingKey, DateTime expires) => handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", user.Id), new Claim("role", "admin")]),
        });

        var expired = Token(key, DateTime.UtcNow.AddMinutes(-2));
        var forged = Token(new SymmetricSecurityKey(new byte[64]), DateTime.UtcNow.AddHours(1));
        var valid = Token(key, DateTime.UtcNow.AddHours(1));

        await (await _app.CreateClient().Authorize(expired).GetAsync("/users/me")).ShouldBeProblemAsync(401);
        await (await _app.CreateClient().Authorize(forged).GetAsync("/admin/queues")).ShouldBeProblemAsync(401);
        await (await _app.CreateClient().GetAsync("/users/me")).ShouldBeProblemAsync(401);
        (await _app.CreateClient().Authorize(valid).GetAsync("/users/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Totp_mfa_is_set_up_with_a_qr_code_then_required_at_sign_in()
    {
        var (user, client) = await _app.SignUpAsync();
        var setup = await (await client.PostAsync("/auth/mfa/setup", null)).ReadJsonAsync();
        setup.GetProperty("qrCodePng").GetString()!.ShouldStartWith("data:image/png;base64,iVBOR");
        setup.GetProperty("otpauthUri").GetString()!.ShouldStartWith("otpauth://totp/EcoBid:");
        var secret = Totp.SecretBytes(setup.GetProperty("secret").GetString()!);

        await (await client.PostAsJsonAsync("/auth/mfa/enable", new { code = "000000" == Totp.Code(secret, DateTimeOffset.UtcNow) ? "111111" : "000000" })).ShouldBeProblemAsync(400);
        (await client.PostAsJsonAsync("/auth/mfa/enable", new { code = Totp.Code(secret, DateTimeOffset.UtcNow) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var anonymous = _app.CreateClient();
        var withoutCode = await (await anonymous.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AccountFlow.Password })).ShouldBeProblemAsync(401);
        withoutCode.GetProperty("mfaRequired").GetBoolean().ShouldBeTrue();

        // The code that enabled MFA was spent; the next step's code signs in, and cannot be used twice.
        var next = Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(30));
        (await anonymous.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AccountFlow.Password, totpCode = next })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await anonymous.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AccountFlow.Password, totpCode = next })).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task A_password_reset_by_email_sets_the_new_password_and_ends_every_session()
    {
        var (user, _) = await _app.SignUpAsync();
        var client = _app.CreateClient();
        (await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsJsonAsync("/auth/password/forgot", new { email = "nobody@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var token = await AccountFlow.TokenFromMailAsync(_app.MailFolder, user.Email, "reset-password");
        await (await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "weak" })).ShouldBeProblemAsync(400);
        (await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "N3w-password!" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "An0ther-one!" })).ShouldBeProblemAsync(400);

        await (await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.RefreshToken })).ShouldBeProblemAsync(401);
        await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AccountFlow.Password })).ShouldBeProblemAsync(401);
        (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "N3w-password!" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stored_passwords_are_pbkdf2_hashes_not_the_password()
    {
        var (user, _) = await _app.SignUpAsync();
        var hash = await _app.Database.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<string>(c, "SELECT password_hash FROM users WHERE id = @Id", new { user.Id }));
        hash!.ShouldNotContain(AccountFlow.Password);
        Convert.FromBase64String(hash!)[0].ShouldBe((byte)0x01); // Identity V3 format: PBKDF2 with HMAC-SHA512
    }
}
