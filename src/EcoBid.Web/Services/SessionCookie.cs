using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace EcoBid.Web.Services;

/// <summary>
/// The sign-in, sealed (encrypted and signed by data protection) in one cookie: HttpOnly, SameSite=Lax, Secure and
/// <c>__Host-</c> prefixed when served over HTTPS. Script in the page never sees either token.
/// </summary>
public sealed class SessionCookie(IHttpContextAccessor accessor, IDataProtectionProvider protection)
{
    public const string PlainName = "ecobid_session";
    public const string SecureName = "__Host-ecobid_session";

    private readonly IDataProtector _protector = protection.CreateProtector("EcoBid.Web.Session.v1");

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No request.");

    public TokenPair? Read()
    {
        var request = Context.Request;
        var sealedValue = request.Cookies[request.IsHttps ? SecureName : PlainName];
        if (string.IsNullOrEmpty(sealedValue))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TokenPair>(_protector.Unprotect(sealedValue));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Write(TokenPair tokens)
    {
        if (Context.Response.HasStarted)
        {
            return;
        }

        var secure = Context.Request.IsHttps;
        Context.Response.Cookies.Append(secure ? SecureName : PlainName, _protector.Protect(JsonSerializer.Serialize(tokens)), new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(30),
        });
    }

    public void Delete()
    {
        if (!Context.Response.HasStarted)
        {
            var secure = Context.Request.IsHttps;
            Context.Response.Cookies.Delete(secure ? SecureName : PlainName, new CookieOptions { Path = "/", Secure = secure, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
    }
}
