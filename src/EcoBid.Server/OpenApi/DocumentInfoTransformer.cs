using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoBid.Server.OpenApi;

/// <summary>The document's title and description, and the live channel (<c>/ws</c>), which the API explorer does not list.</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    /// <summary>Where the live channel's protocol (messages, resume, heartbeats) is written down, relative to the repository.</summary>
    public const string LiveChannelDocs = "docs/notifications.md#the-live-channel-get-ws";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "EcoBid API";
        document.Info.Version = "v1";
        document.Info.Description =
            "A neighbourhood marketplace: free items and quick auctions, reservations, messages and notifications. "
            + "Sign in with POST /auth/login and send the access token as `Authorization: Bearer <token>` (the Authorize button). "
            + "Every error is an RFC 9457 problem (`application/problem+json`) carrying `correlationId`; send `X-Correlation-Id` to choose it. "
            + $"Notifications arrive live over the WebSocket at `/ws`: its protocol is in [docs/notifications.md, \"The live channel\"]({LiveChannelDocs}).";
        document.Paths ??= [];
        document.Paths["/ws"] = LiveChannel(document);
        return Task.CompletedTask;
    }

    private static OpenApiPathItem LiveChannel(OpenApiDocument document) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = "LiveChannel",
                Tags = new HashSet<OpenApiTagReference> { new("Live") },
                Summary = "The live channel (WebSocket): notifications, resume after a reconnect, item watching.",
                Description =
                    "Upgrade to a WebSocket. Authenticate with `Authorization: Bearer`, the `access_token` query parameter, or a first message "
                    + "`{\"type\":\"auth\",\"token\":\"<access token>\"}`. The messages, heartbeats and resume rules are in "
                    + $"[docs/notifications.md, \"The live channel\"]({LiveChannelDocs}).",
                ExternalDocs = new OpenApiExternalDocs { Description = "The live channel's protocol", Url = new Uri(LiveChannelDocs, UriKind.Relative) },
                Parameters =
                [
                    new OpenApiParameter { Name = "access_token", In = ParameterLocation.Query, Description = "The access token, for clients that cannot set headers on a WebSocket.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    new OpenApiParameter { Name = "resumeAfter", In = ParameterLocation.Query, Description = "The last notification id seen: those sent since are replayed first.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" } },
                ],
                Responses = new OpenApiResponses
                {
                    ["101"] = new OpenApiResponse { Description = "Switching protocols: the WebSocket is open." },
                    ["400"] = Problem("Not a WebSocket upgrade request.", document),
                    ["401"] = Problem("The access_token was refused.", document),
                    ["429"] = Problem("Too many requests; Retry-After says when to try again.", document),
                },
            },
        },
    };

    private static OpenApiResponse Problem(string description, OpenApiDocument document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemSchemas.ContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchemas.ProblemDetailsName, document) },
        },
    };
}
