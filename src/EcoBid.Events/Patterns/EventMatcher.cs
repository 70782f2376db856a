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
            if (MatchFrom(rule, 0, ref state))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchFrom(MatchRule rule, int index, ref MatchState state)
    {
        if (index == rule.Fields.Length)
        {
            return true;
        }

        FieldTest field = rule.Fields[index];
        var visit = new Visit(rule, index, FindOnly: false);
        if (field.Condition.AcceptsAbsence
            && !WalkObject(state.Root, field.Utf8Path, visit with { FindOnly = true }, ref state)
            && MatchFrom(rule, index + 1, ref state))
        {
            return true;
        }

        return field.Condition.TestsValues && WalkObject(state.Root, field.Utf8Path, visit, ref state);
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
                return FollowElements(value, rest, atLeaf, visit, ref state);
            default:
                if (!atLeaf)
                {
                    return false;
                }

                if (visit.FindOnly)
                {
                    return true;
                }

                if (!visit.Rule.Fields[visit.Index].Condition.MatchesValue(value))
                {
                    return false;
                }

                if (MatchFrom(visit.Rule, visit.Index + 1, ref state))
                {
                    return true;
                }

                state.LaterFieldsFailed = true;
                return false;
        }
    }

    private static bool FollowElements(JsonElement array, ReadOnlySpan<byte> rest, bool atLeaf, Visit visit, ref MatchState state)
    {
        // When no later field reaches this array, the element chosen here cannot change their outcome: once
        // a value in one element matched and the later fields then failed, the other elements would fail alike.
        int consumed = visit.Rule.Fields[visit.Index].Utf8Path.Length - (atLeaf ? 0 : rest.Length + 1);
        bool reachedLater = visit.Rule.LaterReach[visit.Index][consumed];
        bool failedBefore = state.LaterFieldsFailed;
        state.LaterFieldsFailed = false;
        bool found = false;
        long id = state.IdOf(array);
        int index = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (state.TryEnter(id, index++, out bool recorded))
            {
                found = Follow(item, rest, atLeaf, visit, ref state);
                state.Leave(recorded);
                if (found || (!reachedLater && state.LaterFieldsFailed))
                {
                    break;
                }
            }
        }

        state.LaterFieldsFailed |= failedBefore;
        return found;
    }

    /// <summary>What to do with the leaf values found for field <c>Index</c> of a rule: test them, or only find one.</summary>
    private readonly record struct Visit(MatchRule Rule, int Index, bool FindOnly);
}
