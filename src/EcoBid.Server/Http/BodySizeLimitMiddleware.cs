using Microsoft.AspNetCore.Mvc;

namespace EcoBid.Server.Http;

/// <summary>
/// Refuses a declared body over the limit before anything reads it, with a 413 problem that says the limit, and counts
/// a body without a length (chunked) as it is read: its bytes, not its chunk framing. The first byte past the limit
/// fails the read with a 413, which the exception handler writes as a problem. An endpoint may set its own limit with
/// <see cref="Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata"/> (the photo upload takes Images:MaxBytes).
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, IConfiguration configuration, IProblemDetailsService problems)
{
    public const long DefaultLimit = 1_048_576;
    private readonly long _limit = configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultLimit);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } own } ? own : _limit;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"The body has {length} bytes; the limit is {limit}.",
                },
            });
            return;
        }

        if (context.Request.ContentLength is null)
        {
            var limited = new LimitedRequestStream(context.Request.Body, limit);
            context.Request.Body = limited;
            context.Items[typeof(LimitedRequestStream)] = limited;
        }

        await next(context);
    }
}
