using System.Security.Cryptography;

namespace EcoBid.Web.Security;

/// <summary>
/// A random key known only to this process. The pages' API calls carry it with the browser's address, and only a
/// loopback request that carries it may name another client address: nobody else can pose as someone's address.
/// </summary>
public sealed class LoopbackClientKey
{
    public const string KeyHeader = "X-EcoBid-Web-Key";
    public const string AddressHeader = "X-EcoBid-Client-Address";

    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public bool Matches(string? presented) =>
        presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(presented), System.Text.Encoding.ASCII.GetBytes(Value));
}
