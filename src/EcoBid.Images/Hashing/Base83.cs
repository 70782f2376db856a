namespace EcoBid.Images.Hashing;

/// <summary>BlurHash's base-83 digits, most significant first.</summary>
internal static class Base83
{
    internal const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    internal static void Encode(int value, int length, Span<char> destination)
    {
        for (var i = length - 1; i >= 0; i--)
        {
            destination[i] = Alphabet[value % 83];
            value /= 83;
        }
    }
}
