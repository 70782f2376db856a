using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512, per-password salt) at the configured iteration count.</summary>
public sealed class PasswordHashing(IOptions<AuthOptions> options)
{
    private readonly PasswordHasher<object> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = options.Value.PasswordIterations,
    }));

    private static readonly object Nobody = new();

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(Nobody, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
