using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EcoBid.Server.Tests.Fuzz;

/// <summary>
/// Invariant 5 against every operation of the OpenAPI document: hostile path segments, query values, headers, whole
/// bodies and single body fields (built from the operation's schema), sent as nobody, as a signed-in person and as an
/// admin. No answer is a 5xx; every error is problem+json with its status declared in the document; and a refused
/// request changes no table. The server runs the API role, so no worker writes between two looks at the database.
/// What a refused request may change legitimately: a failed sign-in's count and lockout, kept per address in
/// login_failures; the rate limiter keeps its counts in memory. <c>ECOBID_FUZZ_REQUESTS</c> (default 10,000: every hostile value in every place once) and
/// <c>ECOBID_FUZZ_SEED</c> change the count and the sequence.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, string[]> LegitimatelyTouched = new(StringComparer.Ordinal)
    {
        ["login_failures"] = [DatabaseSnapshot.WholeTable],
    };

    private readonly EcoBidApp _app = new EcoBidApp().With("Role", "api").With("RateLimits:PerUserPerSecond", "1000000");
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _tokens = new(StringComparer.Ordinal) { ["nobody"] = null };

    public async Task InitializeAsync()
    {
        var (userId, userToken) = await SignUpAsync("Fuzz Seller");
        var (otherId, otherToken) = await SignUpAsync("Fuzz Buyer");
        var admin = await _app.AdminClientAsync();
        _tokens["user"] = userToken;
        _tokens["admin"] = admin.DefaultRequestHeaders.Authorization!.Parameter;
        _ids["user"] = userId;
        _ids["other"] = otherId;

        var seller = _app.CreateClient().Authorize(userToken);
        var buyer = _app.CreateClient().Authorize(otherToken);
        _ids["item"] = await seller.CreateItemAsync(Requests.Item(title: "Fuzz chair"));
        _ids["auctionItem"] = await seller.CreateItemAsync(Requests.Item(title: "Fuzz lamp", mode: "auction"));
        (await seller.PostAsJsonAsync($"/items/{_ids["auctionItem"]}/auction", new { startPrice = 100, currency = "EUR", durationSeconds = 3600 })).EnsureSuccessStatusCode();
        _ids["reservation"] = await IdOfAsync(await buyer.PostAsync($"/items/{_ids["item"]}/reserve", null));
        _ids["conversation"] = await IdOfAsync(await buyer.PostAsJsonAsync($"/items/{_ids["auctionItem"]}/conversations", new { visibility = "private" }));
        _ids["message"] = await IdOfAsync(await buyer.PostAsJsonAsync($"/conversations/{_ids["conversation"]}/messages", new { body = "Hello" }));
        _ids["savedSearch"] = await IdOfAsync(await seller.PostAsJsonAsync("/saved-searches", new { name = "Oak nearby", location = new { lat = 52.23, lon = 21.01 }, radiusKm = 5, keywords = "oak" }));
        (await admin.PostAsJsonAsync("/admin/replays", new { name = "fuzz-fixture", from = "2025-01-01T00:00:00Z", to = "2025-01-02T00:00:00Z" })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task No_hostile_request_gets_a_5xx_an_error_that_is_not_a_declared_problem_or_changes_state_when_refused()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("ECOBID_FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ECOBID_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261205;
        var random = new Random(seed);
        var client = _app.CreateClient();
        var document = await ApiDocument.LoadAsync(client);
        var slots = Slots(document).OrderBy(_ => random.Next()).ToList();
        using var database = new DatabaseSnapshot(Path.Combine(_app.DataDir, "ecobid.db"), LegitimatelyTouched);
        var baseline = database.Take();
        var version = database.DataVersion();
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<int, int>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var unsendable = 0;

        for (var i = 0; i < count; i++)
        {
            var slot = slots[i % slots.Count];
            var operation = slot.Operation;
            var attempt = Build(slot, i / slots.Count, slot.Offset(seed));
            using var request = attempt.Request;
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (InvalidOperationException) when (attempt.Kind == "path" && attempt.Hostile.StartsWith("NUL", StringComparison.Ordinal))
            {
                // A NUL in the path never reaches the app: the test host refuses to send it, Kestrel answers 400 itself.
                unsendable++;
                continue;
            }

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var problem = await ProblemIn(response, operation, attempt);
            if (problem is not null)
            {
                failures.TryAdd($"{operation} {attempt.Kind} {attempt.Hostile} {problem.Split(':')[0]}", $"{operation} as {attempt.Identity}, {attempt}: {problem}");
            }

            var now = database.DataVersion();
            if (now != version)
            {
                var after = database.Take();
                var changed = DatabaseSnapshot.Changed(baseline, after);
                if (status >= 400 && changed.Count > 0)
                {
                    failures.TryAdd($"{operation} {attempt.Kind} {attempt.Hostile} state", $"{operation} as {attempt.Identity}, {attempt}: refused with {status} but changed {string.Join(", ", changed)}");
                }

                baseline = after;
                version = now;
            }
        }

        output.WriteLine($"{count} requests (seed {seed}) over {slots.Count} places in {document.Operations.Count} operations in {started.Elapsed.TotalSeconds:0.0} s ({unsendable} with a NUL in the path not sendable in-process); statuses: {string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}"))}");
        failures.Count.ShouldBe(0, string.Join('\n', failures.Values.Take(40)));
    }

    private async Task<string?> ProblemIn(HttpResponseMessage response, ApiOperation operation, Attempt attempt)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"5xx: {status} {Shorten(body)}";
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not problem+json: {status} {response.Content.Headers.ContentType} {Shorten(body)}";
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("status").GetInt32() != status || string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()))
            {
                return $"problem without its status or title: {Shorten(body)}";
            }

            // A bad query value is never blamed on a body the request does not have.
            if (status == 400 && attempt.Kind == "query" && !operation.AcceptsBody
                && json.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty("body", out _))
            {
                return $"400 that blames the body for {attempt.Where}: {Shorten(body)}";
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"problem that is not a problem: {Shorten(body)}";
        }

        // A route that no longer matches (an empty segment) is the router's 404, not the operation's.
        var unrouted = attempt.Kind == "path" && attempt.Hostile == "empty" && status is 404 or 405;
        return operation.Declares(status) || unrouted ? null : $"undeclared status: {status} {Shorten(body)}";
    }

    /// <summary>Every place of every operation a hostile value can go: path, query and header parameters, body fields, the whole body.</summary>
    private static List<Slot> Slots(ApiDocument document)
    {
        var slots = new List<Slot>();
        foreach (var operation in document.Operations)
        {
            var plausible = operation.BodySchema is { } schema ? SampleBodies.Plausible(document.Root, schema) : null;
            slots.AddRange(operation.Parameters.Select(p => new Slot(operation, p.In, p.Name, plausible, null)));
            slots.AddRange(SampleBodies.Fields(plausible).Select(f => new Slot(operation, "field", string.Join('.', f), plausible, f)));
            if (operation.AcceptsBody)
            {
                slots.Add(new Slot(operation, "body", "body", plausible, null));
            }
        }

        return slots;
    }

    /// <summary>The request for one slot in one round: each round gives every slot the next of its hostile values.</summary>
    private Attempt Build(Slot slot, int round, int offset)
    {
        var operation = slot.Operation;
        var identity = !operation.RequiresBearer ? new[] { "nobody", "user", "admin" }[round % 3]
            : round % 10 == 9 ? "nobody"
            : operation.Path.StartsWith("/admin", StringComparison.Ordinal) || round % 2 == 1 ? "admin" : "user";
        var attempt = new Attempt(slot.Kind, identity) { Where = slot.Where };
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = Uri.EscapeDataString(PathValue(operation.Path, parameter.Name));
            if (slot.Kind == "path" && parameter.Name == slot.Where)
            {
                var hostile = Nth(HostileValues.UrlValues, round + offset);
                attempt = attempt with { Hostile = hostile.Name };
                value = hostile.AsText;
            }

            path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }

        if (slot.Kind == "query")
        {
            var hostile = Nth(HostileValues.UrlValues, round + offset);
            attempt = attempt with { Hostile = hostile.Name };
            path += $"?{Uri.EscapeDataString(slot.Where)}={hostile.AsText}";
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(path, UriKind.Relative));
        if (_tokens[identity] is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var header in operation.Parameters.Where(h => h.In == "header" && h.Required))
        {
            request.Headers.TryAddWithoutValidation(header.Name, Guid.NewGuid().ToString());
        }

        if (slot.Kind == "header")
        {
            var value = Nth(HostileValues.HeaderValues, round + offset);
            request.Headers.Remove(slot.Where);
            request.Headers.TryAddWithoutValidation(slot.Where, value);
            attempt = attempt with { Hostile = $"{value.Length} chars" };
        }

        if (slot.Kind == "body")
        {
            var hostile = Nth(HostileValues.Bodies, round + offset);
            attempt = attempt with { Hostile = hostile.Name };
            request.Content = Content(hostile.Bytes, round % 8 == 7 ? "text/plain" : "application/json");
        }
        else if (slot.Kind == "field")
        {
            var hostile = Nth(HostileValues.JsonFields, round + offset);
            attempt = attempt with { Hostile = hostile.Name };
            request.Content = Content(SampleBodies.WithField(slot.Body!, slot.Field!, hostile), "application/json");
        }
        else if (slot.Body is not null)
        {
            request.Content = Content(System.Text.Encoding.UTF8.GetBytes(slot.Body.ToJsonString()), "application/json");
        }

        return attempt with { Request = request };
    }

    private string PathValue(string path, string parameter) => parameter switch
    {
        "queue" => "Index",
        "name" => "fuzz-fixture",
        "detailType" => "ItemCreated",
        "messageId" => _ids["message"],
        _ when path.StartsWith("/items/{id}/auction", StringComparison.Ordinal) || path.Contains("bids", StringComparison.Ordinal) || path.Contains("buy-now", StringComparison.Ordinal) => _ids["auctionItem"],
        _ when path.StartsWith("/items/{id}/conversations", StringComparison.Ordinal) => _ids["auctionItem"],
        _ when path.StartsWith("/items/", StringComparison.Ordinal) => _ids["item"],
        _ when path.StartsWith("/reservations/", StringComparison.Ordinal) => _ids["reservation"],
        _ when path.StartsWith("/users/", StringComparison.Ordinal) => _ids["other"],
        _ when path.StartsWith("/conversations/", StringComparison.Ordinal) => _ids["conversation"],
        _ when path.StartsWith("/saved-searches/", StringComparison.Ordinal) => _ids["savedSearch"],
        _ => "1",
    };

    private static ByteArrayContent Content(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private async Task<(string Id, string Token)> SignUpAsync(string displayName)
    {
        var client = _app.CreateClient();
        var email = $"fuzz-{Guid.NewGuid():N}@example.com";
        var registered = await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName });
        var id = await IdOfAsync(registered);
        await _app.Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection, "UPDATE users SET email_verified_at = 0 WHERE id = @id", new { id }, scope.Transaction));
        var tokens = await AccountFlow.SignInAsync(client, email);
        return (id, tokens.GetProperty("accessToken").GetString()!);
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        var json = JsonNode.Parse(body)!;
        return (json["id"] ?? json["messageId"] ?? json["reservationId"])!.ToString();
    }

    private static T Nth<T>(IReadOnlyList<T> values, int n) => values[n % values.Count];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record Attempt(string Kind, string Identity)
    {
        public string Hostile { get; init; } = "-";

        public string Where { get; init; } = "-";

        public HttpRequestMessage Request { get; init; } = null!;

        public override string ToString() => $"{Kind} {Where} = {Hostile}";
    }

    /// <summary>A place a hostile value goes: a parameter (path, query, header), a body field, or the whole body.</summary>
    private sealed record Slot(ApiOperation Operation, string Kind, string Where, JsonNode? Body, string[]? Field)
    {
        /// <summary>Where in the value lists this slot starts, so slots of one round do not all send the same value.</summary>
        public int Offset(int seed)
        {
            // FNV-1a: stable across runs, unlike string hash codes, so a seed replays the same sequence.
            var hash = 2166136261u ^ (uint)seed;
            foreach (var c in $"{Operation} {Kind} {Where}")
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash % 1000);
        }
    }
}
