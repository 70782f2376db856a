namespace EcoBid.Domain.Events;

/// <summary>
/// Pins an event's wire identity: its <c>source</c>, <c>detail-type</c> and detail schema version. The CLR type name
/// is never used on the wire, so renaming a record cannot break a rule or a consumer.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DomainEventAttribute(string source, string detailType, int version = 1) : Attribute
{
    public string Source { get; } = source;

    public string DetailType { get; } = detailType;

    public int Version { get; } = version;
}
