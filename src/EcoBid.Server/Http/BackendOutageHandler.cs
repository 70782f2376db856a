using EcoBid.Events.Postgres;
using EcoBid.Events.RabbitMq;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RabbitMQ.Client.Exceptions;

namespace EcoBid.Server.Http;

/// <summary>
/// Answers 503 (problem+json, <c>Retry-After</c>) when a request fails because PostgreSQL or RabbitMQ cannot be
/// reached: the outage is the server's, short-lived, and worth a retry, which a bare 500 does not tell a client or a
/// load balancer. Whether the request took effect is unknown only when the connection broke during its commit; a
/// retry with the same <c>Idempotency-Key</c> is safe either way.
/// </summary>
public sealed partial class BackendOutageHandler(IProblemDetailsService problems, ILogger<BackendOutageHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait: about one reconnect attempt of the pools and the broker client.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (UnavailableBackend(exception) is not { } backend)
        {
            return false;
        }

        LogOutage(logger, backend, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "EcoBid is briefly unavailable.",
                Detail = $"{backend} cannot be reached right now. Try again in a few seconds.",
            },
        });
    }

    /// <summary>The backend an exception (or one it wraps) says is out of reach, or null when it is some other failure.</summary>
    public static string? UnavailableBackend(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BrokerUnavailableException or BrokerUnreachableException or AlreadyClosedException)
            {
                return "The message broker (RabbitMQ)";
            }
        }

        return PostgresOutage.Is(exception) ? "The database (PostgreSQL)" : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Backend} is unavailable; {Method} {Path} answered 503: {Reason}")]
    private static partial void LogOutage(ILogger logger, string backend, string method, string path, string reason);
}
