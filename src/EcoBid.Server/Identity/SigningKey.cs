using System.Security.Cryptography;
using EcoBid.Server.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EcoBid.Server.Identity;

/// <summary>The access-token signing key: configured, or generated once and kept in the data folder.</summary>
public sealed class SigningKey
{
    public SigningKey(IOptions<AuthOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.SigningKey;
        var bytes = string.IsNullOrWhiteSpace(configured) ? LoadOrCreate(Path.Combine(EcoBidPaths.DataDir(configuration), "auth-signing.key")) : Convert.FromBase64String(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
        }

        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(64);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException)
        {
            // Another process created it first: use theirs.
            File.Delete(temporary);
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
