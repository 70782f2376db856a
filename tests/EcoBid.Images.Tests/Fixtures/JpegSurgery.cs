using System.Buffers.Binary;

namespace EcoBid.Images.Tests.Fixtures;

/// <summary>Edits to a JPEG's bytes that a camera would never make.</summary>
internal static class JpegSurgery
{
    /// <summary>The same JPEG with its frame header (SOF0/SOF2) rewritten to claim other dimensions.</summary>
    public static byte[] ClaimingSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        var offset = 2;
        while (offset + 4 < copy.Length && copy[offset] == 0xFF)
        {
            var marker = copy[offset + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(offset + 2));
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(offset + 5), checked((ushort)height));
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(offset + 7), checked((ushort)width));
                return copy;
            }
            offset += 2 + length;
        }
        throw new InvalidOperationException("No frame header found.");
    }
}
