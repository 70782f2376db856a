using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoBid.Server.OpenApi;

/// <summary>
/// Declares the problems the pipeline gives around a handler, read from the endpoint's metadata: 401 where
/// authorization is required, 403 where a role is, 429 wherever the rate limiter runs, 400, 413 and 415 where a body
/// is read, 400 where a typed or required parameter is bound. The handler's own answers come from its
/// <c>Results&lt;…&gt;</c> type and its <c>ProducesProblem</c> declarations. Every error response is then made a problem.
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var facts = EndpointFacts.Of(context.Description, context.ApplicationServices);
        operation.Responses ??= [];
        if (facts.AcceptsBody || facts.BindsCheckedValues)
        {
            await AddAsync(operation, StatusCodes.Status400BadRequest, "The request is not valid: the problem's errors name each field and what is wrong.", context, cancellationToken);
        }

        if (facts.AcceptsBody)
        {
            await AddAsync(operation, StatusCodes.Status413PayloadTooLarge, "The body is larger than Limits:MaxRequestBodyBytes.", context, cancellationToken);
            await AddAsync(operation, StatusCodes.Status415UnsupportedMediaType, "The body must be application/json.", context, cancellationToken);
        }

        if (facts.RequiresAuthorization)
        {
            await AddAsync(operation, StatusCodes.Status401Unauthorized, "No valid access token: send Authorization: Bearer <access token>.", context, cancellationToken);
        }

        if (facts.RequiresRole)
        {
            await AddAsync(operation, StatusCodes.Status403Forbidden, "Signed in, but without the role this needs.", context, cancellationToken);
        }

        if (facts.RateLimited)
        {
            await AddAsync(operation, StatusCodes.Status429TooManyRequests, "Too many requests; Retry-After says when to try again.", context, cancellationToken);
        }

        await MakeErrorsProblemsAsync(operation, context, cancellationToken);
    }

    private static async Task AddAsync(OpenApiOperation operation, int status, string description, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = await ProblemSchemas.ResponseAsync(status, description, context, cancellationToken);
        }
    }

    /// <summary>An error response declared without a body (or with another media type) gets the problem body it really has.</summary>
    private static async Task MakeErrorsProblemsAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (key, response) in operation.Responses!.ToList())
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 400)
            {
                continue;
            }

            if (response.Content is { Count: > 0 } content && content.Keys.All(k => k == ProblemSchemas.ContentType))
            {
                continue;
            }

            var problem = await ProblemSchemas.ResponseAsync(status, response.Description ?? key, context, cancellationToken);
            if (response is OpenApiResponse concrete)
            {
                concrete.Content = problem.Content;
            }
            else
            {
                operation.Responses![key] = problem;
            }
        }
    }
}
