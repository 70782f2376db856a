using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EcoBid.Server.Http;

/// <summary>
/// Turns a request the framework could not read (malformed JSON, a wrong type, a body too large, a wrong content
/// type) into a 4xx problem+json that names the problem. Anything else is a 500 that says nothing internal.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = bad.InnerException is JsonException json ? JsonProblem(json)
            : bad.StatusCode == StatusCodes.Status400BadRequest ? BodyProblem(bad)
            : new ProblemDetails { Status = bad.StatusCode, Title = TitleFor(bad.StatusCode), Detail = bad.Message };
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails JsonProblem(JsonException exception)
    {
        var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
        var message = exception.Message;
        var pathAt = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (pathAt > 0)
        {
            message = message[..pathAt];
        }

        // The serializer names CLR types ("could not be converted to System.Double"); say what the client can act on.
        message = ClrTypeName().Replace(message, "converted to the type this field takes");

        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this endpoint.",
            Detail = $"{field}: {message}",
        };
    }

    /// <summary>
    /// A route, query or header value that does not convert to the parameter's type, or is missing, named by the
    /// parameter; otherwise a body the endpoint needs is missing, or is JSON <c>null</c>.
    /// </summary>
    private static HttpValidationProblemDetails BodyProblem(BadHttpRequestException exception)
    {
        var (field, message) = UnboundValue().Match(exception.Message) is { Success: true } unbound
            ? (unbound.Groups["name"].Value, $"'{Shorten(unbound.Groups["value"].Value)}' is not {Kind(unbound.Groups["type"].Value)}.")
            : MissingValue().Match(exception.Message) is { Success: true } missing && missing.Groups["source"].Value != "body"
                ? (missing.Groups["name"].Value, $"A value is required (in the {missing.Groups["source"].Value}).")
                : ("body", "A JSON object body is required.");
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request could not be read.",
            Detail = $"{field}: {message}",
        };
    }

    private static string Kind(string type) => type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('>', '?') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
        "double" or "decimal" or "float" or "Double" => "a number",
        "bool" or "Boolean" => "true or false",
        "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601)",
        "Guid" => "an id",
        _ => "a value of the right kind",
    };

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be application/json.",
        _ => "The request could not be read.",
    };

    /// <summary>Minimal APIs' message for a value that does not convert: Failed to bind parameter "int? limit" from "abc".</summary>
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]*?) (?<name>[A-Za-z_][A-Za-z0-9_]*)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex UnboundValue();

    /// <summary>Minimal APIs' message for a missing value: Required parameter "string name" was not provided from query string.</summary>
    [GeneratedRegex("""^Required parameter "(?<type>[^"]*?) (?<name>[A-Za-z_][A-Za-z0-9_]*)" was not provided from (?<source>[a-z ]+?)\.?$""")]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"converted to [A-Za-z0-9_.`\[\]]+")]
    private static partial Regex ClrTypeName();
}
