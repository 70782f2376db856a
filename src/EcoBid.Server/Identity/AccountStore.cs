using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace EcoBid.Server.Identity;

/// <summary>Account queries shared by the auth and user endpoints and the CLI.</summary>
public static class AccountStore
{
    public const string Columns = "id, email, password_hash, display_name, role, email_verified_at, failed_logins, locked_until, totp_secret, totp_enabled, totp_last_step, home_lat, home_lon, notification_prefs, rating_sum, rating_count, completed_pickups, no_shows, created_at, updated_at, locale";

    public static Task<UserAccount?> FindByIdAsync(DbConnection connection, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<UserAccount>($"SELECT {Columns} FROM users WHERE id = @id", new { id }, transaction);

    public static Task<UserAccount?> FindByEmailAsync(DbConnection connection, string email, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<UserAccount>($"SELECT {Columns} FROM users WHERE email = @email", new { email }, transaction);

    /// <summary>Tokens are stored as SHA-256 hashes: a leaked table does not yield usable tokens.</summary>
    public static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token (256 bits, base64url).</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
