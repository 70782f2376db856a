using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoBid.Server.OpenApi;

/// <summary>Problem responses (RFC 9457, <c>application/problem+json</c>) referring to the document's shared schemas.</summary>
public static class ProblemSchemas
{
    public const string ContentType = "application/problem+json";
    public const string ProblemDetailsName = nameof(ProblemDetails);
    public const string ValidationProblemName = nameof(HttpValidationProblemDetails);

    /// <summary>A response of <paramref name="status"/> whose body is a problem (a validation problem for 400).</summary>
    public static async Task<OpenApiResponse> ResponseAsync(int status, string description, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var validation = status == StatusCodes.Status400BadRequest;
        var schema = validation
            ? await ReferenceAsync(typeof(HttpValidationProblemDetails), ValidationProblemName, context, cancellationToken)
            : await ReferenceAsync(typeof(ProblemDetails), ProblemDetailsName, context, cancellationToken);
        return new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ContentType] = new OpenApiMediaType { Schema = schema } },
        };
    }

    private static async Task<IOpenApiSchema> ReferenceAsync(Type type, string name, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        }

        return new OpenApiSchemaReference(name, document);
    }
}
