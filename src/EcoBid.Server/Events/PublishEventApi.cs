using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Events;

/// <summary>
/// POST /events (admin): publishes a custom event through the outbox, as the seeds' publishEvent and EventBridge's
/// PutEvents do; rules route it like any other event (a state machine target starts an execution with it).
/// </summary>
public static class PublishEventApi
{
    public static IEndpointRouteBuilder MapPublishEventApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/events", Publish).WithTags("Events").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("Publishes a custom event (source, detailType, detail) through the outbox.");
        return routes;
    }

    public static async Task<Results<Accepted<PublishedEvent>, ValidationProblem>> Publish(PublishEventRequest request, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.Source is not { Length: > 0 and <= 256 } || request.Source.StartsWith("aws.", StringComparison.Ordinal))
        {
            errors["source"] = ["A source of 1 to 256 characters, not starting with 'aws.'."];
        }

        if (request.DetailType is not { Length: > 0 and <= 128 })
        {
            errors["detailType"] = ["A detail-type of 1 to 128 characters."];
        }

        if (request.Detail is not JsonObject)
        {
            errors["detail"] = ["The detail is a JSON object."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var envelope = await database.WriteAsync(async scope =>
        {
            var published = new EventEnvelope
            {
                Id = Guid.CreateVersion7(scope.Now).ToString(),
                Source = request.Source!,
                DetailType = request.DetailType!,
                Time = scope.Now,
                Detail = JsonSerializer.SerializeToElement(request.Detail),
                Resources = request.Resources ?? [],
                CorrelationId = CorrelationContext.Current,
                TraceParent = Activity.Current?.Id,
            };
            await scope.PublishAsync(published);
            return published;
        }, cancellationToken);
        return TypedResults.Accepted((string?)null, new PublishedEvent(envelope.Id));
    }
}

/// <summary>A custom event: <c>detail</c> is a JSON object.</summary>
public sealed record PublishEventRequest(string? Source, string? DetailType, JsonNode? Detail, IReadOnlyList<string>? Resources);

public sealed record PublishedEvent(string EventId);
