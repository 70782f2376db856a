namespace EcoBid.Events.Patterns;

/// <summary>
/// <c>cidr</c>: matches string values that are IP addresses (of the same family as the block) inside the
/// block. Host bits set in the block address are ignored, as a mask would.
/// </summary>
internal sealed class CidrMatcher : StringMatcher
{
    private readonly byte[] network;
    private readonly int prefixLength;

    private CidrMatcher(byte[] network, int prefixLength)
    {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /// <exception cref="InvalidEventPatternException">The block is not address/length.</exception>
    public static CidrMatcher Create(string block, string path)
    {
        int slash = block.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash != block.LastIndexOf('/'))
        {
            throw PatternErrors.Create(path, $"Malformed CIDR, one '/' required: {block}");
        }

        Span<byte> address = stackalloc byte[IpAddressText.MaxBytes];
        if (!IpAddressText.TryParse(block.AsSpan(0, slash), address, out int length))
        {
            throw PatternErrors.Create(path, $"Nonstandard IP address: {block[..slash]}");
        }

        ReadOnlySpan<char> bitsText = block.AsSpan(slash + 1);
        int maxBits = length * 8;
        int bits = -1;
        if (!bitsText.IsEmpty && bitsText.Length <= 3 && !bitsText.ContainsAnyExceptInRange('0', '9'))
        {
            bits = int.Parse(bitsText, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (bits < 0 || bits > maxBits)
        {
            throw PatternErrors.Create(path, $"Malformed CIDR, mask bits must be an integer between 0 and {maxBits}: {block}");
        }

        return new CidrMatcher(address[..length].ToArray(), bits);
    }

    public override bool Matches(ReadOnlySpan<char> text)
    {
        Span<byte> address = stackalloc byte[IpAddressText.MaxBytes];
        if (!IpAddressText.TryParse(text, address, out int length) || length != network.Length)
        {
            return false;
        }

        int fullBytes = prefixLength / 8;
        if (!address[..fullBytes].SequenceEqual(network.AsSpan(0, fullBytes)))
        {
            return false;
        }

        int remainingBits = prefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
