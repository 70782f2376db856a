using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Http;

/// <summary>The OpenAPI document a client developer meets, checked against the endpoints and their behaviour.</summary>
public sealed partial class OpenApiTests : IDisposable
{
    /// <summary>Operations with a path parameter that answer an unknown one without a 404, and why.</summary>
    private static readonly Dictionary<string, string> NoNotFound = new(StringComparer.Ordinal)
    {
        ["DELETE /users/{id}/block"] = "lifting a block that is not there is done already (idempotent)",
        ["DELETE /items/{id}/waitlist"] = "leaving a waitlist you are not on is done already (idempotent)",
        ["GET /users/{id}/ratings"] = "an unknown id has no visible ratings, like a new user",
    };

    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_bearer_scheme_is_declared_for_the_authorize_button()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        var scheme = document.Root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        scheme.GetProperty("bearerFormat").GetString().ShouldBe("JWT");
    }

    [Fact]
    public async Task Every_endpoint_that_requires_authorization_declares_the_bearer_requirement_and_401()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        var endpoints = ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThan(40);
        foreach (var (key, endpoint) in endpoints)
        {
            var operation = document.Operations.SingleOrDefault(o => o.ToString() == key);
            operation.ShouldNotBeNull($"{key} is mapped but not in the document");
            var requiresAuthorization = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            operation.RequiresBearer.ShouldBe(requiresAuthorization, key);
            if (requiresAuthorization)
            {
                operation.Declares(401).ShouldBeTrue(key);
            }
        }
    }

    [Fact]
    public async Task Exactly_the_operations_that_declare_the_bearer_requirement_refuse_an_anonymous_request_with_401()
    {
        var client = _app.CreateClient();
        var document = await ApiDocument.LoadAsync(client);
        foreach (var operation in document.Operations)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), PathParameter().Replace(operation.Path, "no-such-thing"));
            var response = await client.SendAsync(request);
            (response.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(operation.RequiresBearer, $"{operation} answered {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await response.ShouldBeProblemAsync(401);
            }
        }
    }

    /// <summary>
    /// Endpoints are bound by the request delegate generator, which answers an optional number that does not parse with
    /// a bare 400; those endpoints are bound at start instead (Http/RuntimeBinding.cs). This finds one that was missed.
    /// </summary>
    [Fact]
    public async Task Every_number_or_flag_in_a_query_that_does_not_parse_is_a_400_naming_it()
    {
        var admin = await _app.AdminClientAsync();
        var document = await ApiDocument.LoadAsync(admin);
        var tried = new List<string>();
        // The live channel reads its query only once the WebSocket upgrade is done (LiveChannelTests check it there).
        foreach (var operation in document.Operations.Where(o => o.Path != "/ws"))
        {
            foreach (var parameter in operation.Parameters.Where(p => p.In == "query" && IsNumberOrFlag(p.Schema)))
            {
                var numbered = operation.Parameters.Where(p => p.In == "path" && IsNumberOrFlag(p.Schema)).Select(p => $"{{{p.Name}}}").ToHashSet();
                var path = PathParameter().Replace(operation.Path, m => numbered.Contains(m.Value) ? "1" : "no-such-thing");
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), $"{path}?{parameter.Name}=abc");
                var response = await admin.SendAsync(request);
                var problem = await response.ShouldBeProblemAsync(400);
                problem.TryGetProperty("errors", out var errors).ShouldBeTrue($"{operation} ?{parameter.Name}=abc: {problem}");
                errors.TryGetProperty(parameter.Name, out _).ShouldBeTrue($"{operation} ?{parameter.Name}=abc: {problem}");
                tried.Add($"{operation} {parameter.Name}");
            }
        }

        // The bid history, the inbox, the seller listings, the executions and their history, the schemas, the DLQ...
        tried.Count.ShouldBeGreaterThanOrEqualTo(12, string.Join(", ", tried));
    }

    [Fact]
    public async Task Admin_operations_declare_403()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        var admin = document.Operations.Where(o => o.Path.StartsWith("/admin/", StringComparison.Ordinal)).ToList();
        admin.Count.ShouldBeGreaterThan(5);
        admin.ShouldAllBe(o => o.Declares(403));
    }

    [Fact]
    public async Task Every_error_response_is_problem_json()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        foreach (var operation in document.Operations)
        {
            foreach (var status in operation.Statuses.Where(s => s[0] is '4' or '5'))
            {
                operation.MediaTypes(status).ShouldBe(["application/problem+json"], $"{operation} {status}");
            }
        }
    }

    [Fact]
    public async Task Operations_with_a_path_parameter_declare_404()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        var withParameter = document.Operations.Where(o => o.Path.Contains('{', StringComparison.Ordinal)).ToList();
        withParameter.Count.ShouldBeGreaterThan(30);
        foreach (var operation in withParameter.Where(o => !NoNotFound.ContainsKey(o.ToString())))
        {
            operation.Declares(404).ShouldBeTrue(operation.ToString());
        }

        foreach (var exempt in NoNotFound.Keys)
        {
            document.Operation(exempt.Split(' ')[0], exempt.Split(' ')[1]).Declares(404).ShouldBeFalse(exempt);
        }
    }

    [Fact]
    public async Task Operations_that_accept_a_body_declare_400_413_and_415_and_every_operation_declares_429()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        var withBody = document.Operations.Where(o => o.AcceptsBody).ToList();
        withBody.Count.ShouldBeGreaterThan(20);
        foreach (var operation in withBody)
        {
            operation.Declares(400).ShouldBeTrue(operation.ToString());
            operation.Declares(413).ShouldBeTrue(operation.ToString());
            operation.Declares(415).ShouldBeTrue(operation.ToString());
            ApiDocument.Resolve(document.Root, operation.Json.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema"))
                .GetProperty("properties").TryGetProperty("errors", out _).ShouldBeTrue($"{operation}: a 400 names the fields");
        }

        document.Operations.ShouldAllBe(o => o.Declares(429));
    }

    [Fact]
    public async Task The_handlers_own_answers_are_declared()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        document.Operation("POST", "/auth/login").Statuses.ShouldBe(["200", "400", "401", "403", "413", "415", "423", "429"], ignoreOrder: true);
        document.Operation("POST", "/auth/register").Declares(409).ShouldBeTrue();
        document.Operation("POST", "/items/{id}/bids").Statuses.ShouldBe(["201", "400", "401", "403", "404", "409", "413", "415", "422", "429"], ignoreOrder: true);
        document.Operation("POST", "/items/{id}/reserve").Statuses.ShouldBe(["201", "401", "403", "404", "409", "429"], ignoreOrder: true);
        var bulk = document.Operation("POST", "/items/bulk");
        bulk.Statuses.ShouldBe(["202", "400", "401", "413", "415", "429"], ignoreOrder: true);
        bulk.Json.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).ShouldBe(["application/json", "text/csv"], ignoreOrder: true);
        document.Operation("GET", "/items/bulk/{id}").Statuses.ShouldBe(["200", "401", "404", "429"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_operations_that_read_an_Idempotency_Key_require_it_and_every_operation_takes_a_correlation_id()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        var readers = ApiEndpoints()
            .Where(e => e.Value.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Any(p => p.GetCustomAttribute<FromHeaderAttribute>()?.Name == "Idempotency-Key") == true)
            .Select(e => e.Key)
            .ToList();
        readers.ShouldBe(["POST /items/{id}/bids", "POST /items/{id}/buy-now"], ignoreOrder: true);
        foreach (var key in readers)
        {
            document.Operations.Single(o => o.ToString() == key).Parameters.ShouldContain(p => p.Name == "Idempotency-Key" && p.In == "header" && p.Required, key);
        }

        foreach (var operation in document.Operations.Where(o => o.Path != "/ws"))
        {
            operation.Parameters.ShouldContain(p => p.Name == "X-Correlation-Id" && p.In == "header" && !p.Required, operation.ToString());
            foreach (var status in operation.Statuses.Where(s => s != "101"))
            {
                operation.Json.GetProperty("responses").GetProperty(status).GetProperty("headers").TryGetProperty("X-Correlation-Id", out _).ShouldBeTrue($"{operation} {status}");
            }
        }
    }

    [Fact]
    public async Task The_description_and_the_live_channel_link_to_the_websocket_protocol()
    {
        var document = await ApiDocument.LoadAsync(_app.CreateClient());
        const string link = "docs/notifications.md#the-live-channel-get-ws";
        document.Root.GetProperty("info").GetProperty("description").GetString()!.ShouldContain($"]({link})");
        var live = document.Operation("GET", "/ws");
        live.Json.GetProperty("description").GetString()!.ShouldContain($"]({link})");
        live.Json.GetProperty("externalDocs").GetProperty("url").GetString().ShouldBe(link);
        live.Statuses.ShouldContain("101");

        // The anchor is GitHub's for the section's heading, so the link lands on it.
        var notifications = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "notifications.md"));
        notifications.Select(Anchor).ShouldContain(link.Split('#')[1]);
    }

    /// <summary>The API's endpoints by "METHOD /path" as the document writes them (health, the page for the document and the web client left out).</summary>
    private Dictionary<string, RouteEndpoint> ApiEndpoints()
    {
        _ = _app.CreateClient();
        return _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => e.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not null) // API handlers; the web client's pages and assets have none
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/openapi", StringComparison.Ordinal) && !e.RoutePattern.RawText.StartsWith("/health", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Key: $"{m} {NormalisePath(e.RoutePattern.RawText!)}", Endpoint: e)))
            .ToDictionary(e => e.Key, e => e.Endpoint, StringComparer.Ordinal);
    }

    private static string NormalisePath(string raw) => "/" + string.Join('/', raw.Split('/', StringSplitOptions.RemoveEmptyEntries));

    private static string Anchor(string heading) =>
        heading.StartsWith('#') ? AnchorDrop().Replace(heading.TrimStart('#').Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-') : string.Empty;

    private static bool IsNumberOrFlag(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => t.GetString() is "integer" or "number" or "boolean")
            : type.GetString() is "integer" or "number" or "boolean");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EcoBid.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No EcoBid.slnx above the test folder.");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"[^a-z0-9 _-]")]
    private static partial Regex AnchorDrop();
}
