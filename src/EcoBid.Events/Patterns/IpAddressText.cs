using System.Net;
using System.Net.Sockets;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Strict IP address reading for cidr matching: IPv4 only as four dotted decimal octets without
/// leading zeros; IPv6 in standard text form without zone or brackets.
/// </summary>
internal static class IpAddressText
{
    public const int MaxBytes = 16;

    /// <summary>Writes the address bytes (4 or 16) into <paramref name="destination"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> destination, out int length)
    {
        length = 0;
        if (text.Contains(':'))
        {
            if (text.ContainsAny('%', '[') || !IPAddress.TryParse(text, out IPAddress? address)
                || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            return address.TryWriteBytes(destination, out length);
        }

        if (!TryParseIPv4(text, destination))
        {
            return false;
        }

        length = 4;
        return true;
    }

    private static bool TryParseIPv4(ReadOnlySpan<char> text, Span<byte> destination)
    {
        for (int octet = 0; octet < 4; octet++)
        {
            int end = octet < 3 ? text.IndexOf('.') : text.Length;
            if (end <= 0 || end > 3 || (end > 1 && text[0] == '0'))
            {
                return false;
            }

            int value = 0;
            foreach (char c in text[..end])
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value > 255)
            {
                return false;
            }

            destination[octet] = (byte)value;
            text = octet < 3 ? text[(end + 1)..] : [];
        }

        return true;
    }
}
