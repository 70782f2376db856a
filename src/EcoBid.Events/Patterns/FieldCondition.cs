using System.Text;

namespace EcoBid.Events.Patterns;

/// <summary>One named field of a pattern object and the condition on its value.</summary>
internal sealed class FieldCondition(string name, ValueCondition condition)
{
    /// <summary>The field name as UTF-8, so event lookups need no transcoding.</summary>
    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

    public ValueCondition Condition { get; } = condition;
}
