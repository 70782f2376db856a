using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Aws.Signing;
using Microsoft.AspNetCore.Http.Features;

namespace EcoBid.Server.Aws;

/// <summary>
/// <c>POST /aws</c>: AWS's JSON protocol. Reads the body, checks the SigV4 signature, finds the action named by
/// <c>X-Amz-Target</c>, checks the input against its shape, runs it, and answers its output or an AWS error
/// (<c>{"__type", "message"}</c>), always with an <c>x-amzn-RequestId</c>.
/// </summary>
public static partial class AwsEndpoint
{
    public const string RequestIdHeader = "x-amzn-RequestId";
    private const string FallbackContentType = "application/x-amz-json-1.0";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task HandleAsync(HttpContext http, AwsServiceRegistry registry, SigV4Verifier verifier, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(loggers);
        http.Response.Headers[RequestIdHeader] = Guid.NewGuid().ToString();
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        var (service, action) = registry.Find(target);
        var contentType = service?.ContentType ?? FallbackContentType;
        try
        {
            var body = await ReadBodyAsync(http.Request, http.RequestAborted);
            verifier.Verify(Signed(http, body), service?.SigningName);
            if (service is null || action is null)
            {
                throw service?.UnknownAction(target) ?? AwsErrors.UnknownAction(target);
            }

            var input = Parse(body);
            action.Input.Check(input);
            JsonObject output;
            try
            {
                output = await action.Handle(new AwsActionContext(input, http.RequestServices, http.RequestAborted));
            }
            catch (Exception e) when (service.TranslateError(e) is { } translated)
            {
                throw translated;
            }

            await WriteAsync(http.Response, StatusCodes.Status200OK, contentType, output);
        }
        catch (AwsException e)
        {
            await WriteErrorAsync(http.Response, contentType, e);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (BadHttpRequestException)
        {
            throw; // a body over the server's limit: the host answers it
        }
#pragma warning disable CA1031 // Any other failure is AWS's InternalFailure, logged here with its cause.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailure(loggers.CreateLogger(typeof(AwsEndpoint)), e, target);
            await WriteErrorAsync(http.Response, contentType, AwsErrors.Internal());
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The request as the client signed it: the path and query exactly as sent, not as routing decoded them.</summary>
    private static SignedRequest Signed(HttpContext http, byte[] body)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            raw = http.Request.PathBase.ToUriComponent() + http.Request.Path.ToUriComponent() + http.Request.QueryString.ToUriComponent();
        }

        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? raw : raw[..question];
        var query = question < 0 ? "" : raw[(question + 1)..];
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Request.Headers)
        {
            headers[name] = values.Where(v => v is not null).Select(v => v!).ToArray();
        }

        return new SignedRequest(http.Request.Method, path, query, headers, body);
    }

    private static JsonObject Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw AwsErrors.Malformed($"The request body is not valid JSON: {e.Message}");
        }

        return node as JsonObject ?? throw AwsErrors.Malformed("The request body must be a JSON object.");
    }

    private static Task WriteErrorAsync(HttpResponse response, string contentType, AwsException error) =>
        WriteAsync(response, error.StatusCode, contentType, new JsonObject { ["__type"] = error.Code, ["message"] = error.Message });

    private static async Task WriteAsync(HttpResponse response, int status, string contentType, JsonObject body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        await response.WriteAsync(body.ToJsonString(Json));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "AWS protocol call {Target} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string target);
}
