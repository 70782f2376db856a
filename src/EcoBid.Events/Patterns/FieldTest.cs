using System.Text;

namespace EcoBid.Events.Patterns;

/// <summary>
/// One field of a flattened pattern rule: the field's key path (the pattern's keys joined with '.', as
/// event-ruler flattens them) and the condition on its leaf values.
/// </summary>
internal sealed class FieldTest(string path, LeafCondition condition)
{
    public string Path { get; } = path;

    /// <summary>The path as UTF-8, compared with event property names without transcoding.</summary>
    public byte[] Utf8Path { get; } = Encoding.UTF8.GetBytes(path);

    public LeafCondition Condition { get; } = condition;
}
