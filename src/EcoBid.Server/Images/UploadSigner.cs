using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcoBid.Server.Identity;

namespace EcoBid.Server.Images;

/// <summary>
/// Signs and checks upload URLs as S3 presigned PUTs bind them: an HMAC-SHA256 over the method, the path, the expiry
/// and the exact content type and length the upload must have. Its key is derived (HKDF) from the access-token signing
/// key, so every node that checks tokens checks upload URLs too, and no second secret needs managing.
/// </summary>
public sealed class UploadSigner
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("EcoBid signed upload URLs v1");

    private readonly byte[] _key;

    public UploadSigner(SigningKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, 32, info: Purpose);
    }

    /// <summary>The signature, base64url without padding.</summary>
    public string Sign(string method, string path, long expiresAtSeconds, string contentType, long length) =>
        Base64Url(HMACSHA256.HashData(_key, Canonical(method, path, expiresAtSeconds, contentType, length)));

    /// <summary>Whether <paramref name="signature"/> is this request's, compared in constant time.</summary>
    public bool Verify(string method, string path, long expiresAtSeconds, string contentType, long length, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var expected = HMACSHA256.HashData(_key, Canonical(method, path, expiresAtSeconds, contentType, length));
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64Chars(FromBase64Url(signature), given, out var written)
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(given[..written], expected);
    }

    private static byte[] Canonical(string method, string path, long expiresAtSeconds, string contentType, long length) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{method}\n{path}\n{expiresAtSeconds}\n{contentType}\n{length}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return base64.Length > 128 ? string.Empty : base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
    }
}
