using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// A pattern object: every field condition must hold, and in every <c>$or</c> group at least one
/// alternative must hold, all against the same event object.
/// </summary>
/// <remarks>
/// When the event holds an array where the pattern has an object, the object pattern must match one
/// element of the array as a whole (nested arrays are flattened). Fields of different elements are not
/// combined. When there is no object to look into (field missing, a scalar, or an array without objects),
/// the nested fields count as absent, so only conditions that accept absence (<c>exists: false</c>) hold.
/// </remarks>
internal sealed class ObjectCondition : ValueCondition
{
    private readonly FieldCondition[] fields;
    private readonly ObjectCondition[][] anyOfGroups;

    public ObjectCondition(FieldCondition[] fields, ObjectCondition[][] anyOfGroups)
    {
        this.fields = fields;
        this.anyOfGroups = anyOfGroups;
        MatchesAbsent = fields.All(static f => f.Condition.MatchesAbsent)
            && anyOfGroups.All(static g => g.Any(static a => a.MatchesAbsent));
    }

    public override bool MatchesAbsent { get; }

    public override bool Matches(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return MatchesObject(value);
            case JsonValueKind.Array:
                bool sawObject = false;
                return MatchesAnyElement(value, ref sawObject) || (!sawObject && MatchesAbsent);
            default:
                return MatchesAbsent;
        }
    }

    /// <summary>Tests an event object (the envelope or a nested object).</summary>
    public bool MatchesObject(JsonElement eventObject)
    {
        foreach (FieldCondition field in fields)
        {
            bool holds = eventObject.TryGetProperty(field.Utf8Name, out JsonElement value)
                ? field.Condition.Matches(value)
                : field.Condition.MatchesAbsent;
            if (!holds)
            {
                return false;
            }
        }

        foreach (ObjectCondition[] group in anyOfGroups)
        {
            if (!MatchesAnyAlternative(group, eventObject))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesAnyAlternative(ObjectCondition[] group, JsonElement eventObject)
    {
        foreach (ObjectCondition alternative in group)
        {
            if (alternative.MatchesObject(eventObject))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAnyElement(JsonElement array, ref bool sawObject)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                sawObject = true;
                if (MatchesObject(item))
                {
                    return true;
                }
            }
            else if (item.ValueKind == JsonValueKind.Array && MatchesAnyElement(item, ref sawObject))
            {
                return true;
            }
        }

        return false;
    }
}
