using System.Text.Json.Nodes;
using EcoBid.Events.Patterns;
using EcoBid.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Events;

/// <summary>The event catalogue's schemas and EventBridge's TestEventPattern.</summary>
public static class EventsApi
{
    public const int MaxPatternLength = 4096;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events").WithTags("Events");
        group.MapPost("/test-pattern", TestPattern)
            .WithSummary("Tests whether an event matches an EventBridge event pattern, as EventBridge's TestEventPattern does.");
        group.MapGet("/schemas", ListSchemas).WithSummary("Lists every event's detail-type, source and schema version.");
        group.MapGet("/schemas/{detailType}", RuntimeBinding.Of(GetSchema)).ProducesProblem(404).WithSummary("The JSON schema of one event's detail (latest version unless ?version= is given).");
        return routes;
    }

    public static Results<Ok<TestPatternResponse>, ValidationProblem> TestPattern(TestPatternRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = PatternTester.Test(request.EventPattern, request.Event);
        return outcome.Error is { } error
            ? Problems.Validation(outcome.Field!, error)
            : TypedResults.Ok(new TestPatternResponse(outcome.Result));
    }

    public static Ok<List<EventSchemaSummary>> ListSchemas() =>
        TypedResults.Ok(EventCatalog.All
            .Select(d => new EventSchemaSummary(d.DetailType, d.Source, d.Version, $"/events/schemas/{d.DetailType}?version={d.Version}"))
            .ToList());

    public static Results<Ok<JsonNode>, ProblemHttpResult> GetSchema(string detailType, int? version)
    {
        var definition = EventCatalog.Find(detailType, version);
        return definition is null
            ? Problems.NotFound($"No event '{detailType}'{(version is null ? string.Empty : $" version {version}")} in the catalogue; GET /events/schemas lists them.")
            : TypedResults.Ok(EventCatalog.Schema(definition));
    }
}

/// <summary>The body of TestEventPattern: the pattern and the event, each as a JSON string.</summary>
public sealed record TestPatternRequest(string? EventPattern, string? Event);

public sealed record TestPatternResponse(bool Result);

public sealed record EventSchemaSummary(string DetailType, string Source, int Version, string Schema);
