using EcoBid.Events.Envelope;

namespace EcoBid.Server.Http;

public static class ProblemDetailsSetup
{
    /// <summary>RFC 9457 problem details for every error, carrying the correlation id and trace id.</summary>
    public static IServiceCollection AddEcoBidProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var correlationId = context.HttpContext.Items[CorrelationMiddleware.HeaderName] as string ?? CorrelationContext.Current;
            if (correlationId is not null)
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }

            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge
                && context.HttpContext.Items[typeof(LimitedRequestStream)] is LimitedRequestStream { Refusal: { } refusal })
            {
                context.ProblemDetails.Title = "The request body is too large.";
                context.ProblemDetails.Detail ??= refusal;
            }

            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddExceptionHandler<BackendOutageHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
