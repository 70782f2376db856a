using EcoBid.Server.Auctions;
using EcoBid.Server.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoBid.Server.OpenApi;

/// <summary>
/// The headers every operation shares: <c>X-Correlation-Id</c> (optional, echoed on every answer), <c>Retry-After</c>
/// on 423 and 429, and <c>Idempotency-Key</c>, which the operations that read it require.
/// </summary>
public sealed class HeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Header && string.Equals(parameter.Name, AuctionRequests.Header, StringComparison.OrdinalIgnoreCase))
            {
                parameter.Required = true;
                parameter.Description = $"1 to {AuctionRequests.MaxKeyLength} printable ASCII characters (a UUID will do), new for each new request: "
                    + $"a retry with the same key gets the first answer again (with {AuctionRequests.ReplayedHeader}: true); the same key for another request gets 422.";
            }
        }

        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        RegisterCorrelationComponents(document);
        if (!operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, CorrelationMiddleware.HeaderName, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters.Add(new OpenApiParameterReference(CorrelationMiddleware.HeaderName, document));
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            concrete.Headers[CorrelationMiddleware.HeaderName] = new OpenApiHeaderReference(CorrelationMiddleware.HeaderName, document);
            if (status is "423" or "429")
            {
                concrete.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The correlation header is declared once, as a shared parameter and a shared response header.</summary>
    private static void RegisterCorrelationComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal);
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        document.Components.Parameters.TryAdd(CorrelationMiddleware.HeaderName, new OpenApiParameter
        {
            Name = CorrelationMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Your id for this request (1 to 128 of A-Z a-z 0-9 . _ : -), echoed on the response and carried by the events it causes; one is made when absent or unusable.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128 },
        });
        document.Components.Headers.TryAdd(CorrelationMiddleware.HeaderName, new OpenApiHeader
        {
            Description = "The request's correlation id: the one sent, or the one made for it.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
