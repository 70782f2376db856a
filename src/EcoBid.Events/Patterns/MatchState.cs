using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// The state of matching one rule against one event: the event, and the array elements the values chosen
/// so far lie in (event-ruler's array membership). A value is consistent with the state when it lies in
/// no other element of an array already chosen.
/// </summary>
internal ref struct MatchState
{
    public const int StackPositions = 16;

    private readonly ReadOnlySpan<byte> document;
    private Span<ArrayPosition> positions;
    private int count;

    public MatchState(JsonElement root, Span<ArrayPosition> buffer)
    {
        Root = root;
        document = JsonMarshal.GetRawUtf8Value(root);
        positions = buffer;
    }

    public JsonElement Root { get; }

    /// <summary>Set when a leaf value matched its field but the fields after it then failed.</summary>
    public bool LaterFieldsFailed { get; set; }

    /// <summary>Identifies an event array by where its text starts in the event document.</summary>
    public readonly long IdOf(JsonElement array) =>
        Unsafe.ByteOffset(
            ref MemoryMarshal.GetReference(document),
            ref MemoryMarshal.GetReference(JsonMarshal.GetRawUtf8Value(array)));

    /// <summary>
    /// Enters element <paramref name="index"/> of an array: refused when another element of it is already
    /// chosen; recorded (<paramref name="recorded"/>) when the array had no chosen element yet.
    /// </summary>
    public bool TryEnter(long array, int index, out bool recorded)
    {
        recorded = false;
        foreach (ArrayPosition position in positions[..count])
        {
            if (position.Array == array)
            {
                return position.Index == index;
            }
        }

        if (count == positions.Length)
        {
            var larger = new ArrayPosition[positions.Length * 2];
            positions.CopyTo(larger);
            positions = larger;
        }

        positions[count++] = new ArrayPosition(array, index);
        recorded = true;
        return true;
    }

    public void Leave(bool recorded)
    {
        if (recorded)
        {
            count--;
        }
    }
}
