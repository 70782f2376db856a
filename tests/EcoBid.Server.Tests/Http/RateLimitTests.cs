using System.Net;
using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Http;

public sealed class RateLimitTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp()
        .With("RateLimits:PerUserPerSecond", "5")
        .With("RateLimits:PerAddressPerSecond", "1000")
        .With("RateLimits:AuthPerAddressPerMinute", "8");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_retry_after_while_others_carry_on()
    {
        var (_, greedy) = await _app.SignUpAsync();
        var (_, patient) = await _app.SignUpAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await greedy.GetAsync("/users/me");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBeGreaterThanOrEqualTo(5);
        refused.ShouldNotBeNull();
        (await refused.ShouldBeProblemAsync(429)).GetProperty("detail").GetString()!.ShouldContain("try again");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        (await patient.GetAsync("/users/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_per_minute()
    {
        var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            // A new address each time: one address alone would be locked out after five failures, before the rate limit.
            statuses.Add((await client.PostAsJsonAsync("/auth/login", new { email = $"guess-{i}@example.com", password = $"Guess-{i}-A" })).StatusCode);
        }

        statuses.Take(8).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(8).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }
}
