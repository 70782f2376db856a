using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using EcoBid.Domain.Events;

namespace EcoBid.Server.Events;

/// <summary>Every domain event EcoBid publishes, with its pinned wire identity and its detail's JSON schema.</summary>
public static class EventCatalog
{
    public static IReadOnlyList<EventDefinition> All { get; } = typeof(DomainEventAttribute).Assembly.GetTypes()
        .Select(type => (type, attribute: type.GetCustomAttribute<DomainEventAttribute>()))
        .Where(x => x.attribute is not null)
        .Select(x => new EventDefinition(x.attribute!.Source, x.attribute.DetailType, x.attribute.Version, x.type))
        .OrderBy(d => d.Source, StringComparer.Ordinal).ThenBy(d => d.DetailType, StringComparer.Ordinal)
        .ToList();

    private static readonly FrozenDictionary<Type, EventDefinition> ByType = All.ToFrozenDictionary(d => d.ClrType);

    public static EventDefinition For(Type detailType) =>
        ByType.TryGetValue(detailType, out var definition)
            ? definition
            : throw new InvalidOperationException($"{detailType.Name} is not a catalogued domain event: add [DomainEvent] to it.");

    public static EventDefinition? Find(string detailType, int? version = null) =>
        All.FirstOrDefault(d => string.Equals(d.DetailType, detailType, StringComparison.Ordinal) && (version is null || d.Version == version));

    /// <summary>The JSON schema (draft 2020-12) of the detail, with the identity in its <c>$id</c> and title.</summary>
    public static JsonNode Schema(EventDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var schema = EcoBidJson.Web.GetJsonSchemaAsNode(definition.ClrType, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        if (schema is JsonObject obj)
        {
            obj.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
            obj.Insert(1, "$id", $"urn:ecobid:events:{definition.Source}:{definition.DetailType}:v{definition.Version}");
            obj.Insert(2, "title", definition.DetailType);
            obj.Insert(3, "x-source", definition.Source);
            obj.Insert(4, "x-version", definition.Version);
        }

        return schema;
    }
}
