namespace EcoBid.Server.Aws.Protocol;

/// <summary>
/// One input member of an action with the constraints of its AWS model: required, length or value range, enum values,
/// and whether its value is sensitive (left out of validation messages). Structures and list elements carry a shape.
/// </summary>
public sealed record AwsMember(string Name, AwsMemberKind Kind)
{
    public bool Required { get; init; }

    public long? Min { get; init; }

    public long? Max { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    public bool Sensitive { get; init; }

    /// <summary>A regular expression the whole value must match, as the model writes it.</summary>
    public string? Pattern { get; init; }

    /// <summary>
    /// The member's name in validation messages when it is not <see cref="Name"/>: services whose wire names are
    /// capitalised (EventBridge's <c>EventPattern</c>) name the field as their Java model does (<c>eventPattern</c>).
    /// </summary>
    public string? Label { get; init; }

    /// <summary>A structure's members, or a list's element structure.</summary>
    public AwsShape? Shape { get; init; }

    /// <summary>A list's element kind.</summary>
    public AwsMemberKind? ElementKind { get; init; }

    public static AwsMember Text(string name, bool required = false, long? min = null, long? max = null, bool sensitive = false) =>
        new(name, AwsMemberKind.Text) { Required = required, Min = min, Max = max, Sensitive = sensitive };

    public static AwsMember OneOf(string name, params string[] values) => new(name, AwsMemberKind.Text) { Enum = values };

    public static AwsMember WholeNumber(string name, long? min = null, long? max = null) => new(name, AwsMemberKind.WholeNumber) { Min = min, Max = max };

    public static AwsMember Boolean(string name) => new(name, AwsMemberKind.Boolean);

    public static AwsMember Structure(string name, AwsShape shape, bool required = false) => new(name, AwsMemberKind.Structure) { Shape = shape, Required = required };

    public static AwsMember ListOf(string name, AwsShape element) => new(name, AwsMemberKind.List) { Shape = element, ElementKind = AwsMemberKind.Structure };

    public static AwsMember StringMap(string name) => new(name, AwsMemberKind.Map);
}
