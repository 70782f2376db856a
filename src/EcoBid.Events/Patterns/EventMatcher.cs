using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Matches flattened rules against an event the way event-ruler (EventBridge's matching engine) does.
/// </summary>
/// <remarks>
/// <para>
/// Key paths: an event value's path is its keys joined with '.', so the pattern path <c>a.b</c> finds
/// <c>{"a": {"b": 1}}</c>, <c>{"a.b": 1}</c> and <c>[{"a": [{"b": 1}]}]</c>-style nestings alike. Every
/// event property whose name is the path, or a prefix of it ending at a dot, is followed.
/// </para>
/// <para>
/// Arrays: every array element is a separate value; the values chosen for the fields of one rule must not
/// lie in different elements of the same array, so <c>{"a": {"b": [1], "c": [2]}}</c> needs one element
/// of an array <c>a</c> holding both. Fields are tried in ordinal order of their paths and every choice of
/// value is backtracked over.
/// </para>
/// <para>
/// <c>exists: false</c> holds when no value at the path is consistent with the elements chosen for the
/// fields before it: with nothing chosen yet, no element of any array may have the field.
/// </para>
/// </remarks>
internal static class EventMatcher
{
    public static bool Matches(MatchRule[] rules, JsonElement root)
    {
        var state = new MatchState(root, stackalloc ArrayPosition[MatchState.StackPositions]);
        foreach (MatchRule rule in rules)
        {
            if (MatchFrom(rule.Fields, 0, ref state))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchFrom(FieldTest[] fields, int index, ref MatchState state)
    {
        if (index == fields.Length)
        {
            return true;
        }

        var visit = new Visit(fields, index, FindOnly: false);
        LeafCondition condition = fields[index].Condition;
        if (condition.AcceptsAbsence
            && !WalkObject(state.Root, fields[index].Utf8Path, visit with { FindOnly = true }, ref state)
            && MatchFrom(fields, index + 1, ref state))
        {
            return true;
        }

        return condition.TestsValues && WalkObject(state.Root, fields[index].Utf8Path, visit, ref state);
    }

    /// <summary>Follows <paramref name="path"/> from the properties of an event object.</summary>
    private static bool WalkObject(JsonElement eventObject, ReadOnlySpan<byte> path, Visit visit, ref MatchState state)
    {
        foreach (JsonProperty property in eventObject.EnumerateObject())
        {
            ReadOnlySpan<byte> name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (name.Contains((byte)'\\'))
            {
                // Escaped names are rare; they are compared in their decoded form.
                name = Encoding.UTF8.GetBytes(property.Name);
            }

            if (!path.StartsWith(name))
            {
                continue;
            }

            bool whole = path.Length == name.Length;
            if ((whole || path[name.Length] == (byte)'.')
                && Follow(property.Value, whole ? [] : path[(name.Length + 1)..], whole, visit, ref state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Follows a value: at the end of the path (<paramref name="atLeaf"/>) its scalars are the leaf values;
    /// before it, objects are walked for the <paramref name="rest"/> of the path. Array elements are followed
    /// one by one, each only when consistent with the elements already chosen.
    /// </summary>
    private static bool Follow(JsonElement value, ReadOnlySpan<byte> rest, bool atLeaf, Visit visit, ref MatchState state)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return !atLeaf && WalkObject(value, rest, visit, ref state);
            case JsonValueKind.Array:
                long array = state.IdOf(value);
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (state.TryEnter(array, index++, out bool recorded))
                    {
                        bool found = Follow(item, rest, atLeaf, visit, ref state);
                        state.Leave(recorded);
                        if (found)
                        {
                            return true;
                        }
                    }
                }

                return false;
            default:
                return atLeaf
                    && (visit.FindOnly
                        || (visit.Fields[visit.Index].Condition.MatchesValue(value) && MatchFrom(visit.Fields, visit.Index + 1, ref state)));
        }
    }

    /// <summary>What to do with the leaf values found for field <c>Fields[Index]</c>: test them, or only find one.</summary>
    private readonly record struct Visit(FieldTest[] Fields, int Index, bool FindOnly);
}
