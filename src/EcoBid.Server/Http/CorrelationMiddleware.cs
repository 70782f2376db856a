using System.Text.RegularExpressions;
using EcoBid.Events.Envelope;

namespace EcoBid.Server.Http;

/// <summary>
/// Takes the correlation id from <c>X-Correlation-Id</c> (or makes one), echoes it on the response, puts it in the
/// logging scope, and hands it to every event the request publishes.
/// </summary>
public sealed partial class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var supplied = context.Request.Headers[HeaderName].ToString();
        var correlationId = IsAcceptable(supplied) ? supplied : Guid.NewGuid().ToString("N");
        CorrelationContext.Current = correlationId;
        context.Items[HeaderName] = correlationId;
        context.Response.Headers[HeaderName] = correlationId;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    /// <summary>A supplied id is used only if it is short and plain, so it cannot forge log lines or headers.</summary>
    private static bool IsAcceptable(string value) => value.Length is > 0 and <= 128 && SafeId().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex SafeId();
}
