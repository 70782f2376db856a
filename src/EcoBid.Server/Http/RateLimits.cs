using System.Globalization;
using System.Threading.RateLimiting;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace EcoBid.Server.Http;

/// <summary>
/// Abuse limits (API Gateway throttling's part): a token bucket per signed-in user (the seeds allow 1,000 requests a
/// second), one per client address for anonymous requests, and a tight one per address on the sign-in and sign-up
/// endpoints against password guessing. A refused request gets 429 problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string AuthPolicy = "auth";

    public static IServiceCollection AddEcoBidRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetTokenBucketLimiter("user:" + context.User.Id(), _ => Bucket(options.PerUserPerSecond, TimeSpan.FromSeconds(1)))
                    : RateLimitPartition.GetTokenBucketLimiter("ip:" + ClientAddress(context), _ => Bucket(options.PerAddressPerSecond, TimeSpan.FromSeconds(1))));
            limiter.AddPolicy(AuthPolicy, context =>
                RateLimitPartition.GetTokenBucketLimiter("auth:" + ClientAddress(context), _ => Bucket(options.AuthPerAddressPerMinute, TimeSpan.FromMinutes(1))));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"Slow down; try again in {seconds} s.",
                    },
                });
            };
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int tokens, TimeSpan period) => new()
    {
        TokenLimit = Math.Max(1, tokens),
        TokensPerPeriod = Math.Max(1, tokens),
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int PerUserPerSecond { get; set; } = 1000;

    public int PerAddressPerSecond { get; set; } = 200;

    public int AuthPerAddressPerMinute { get; set; } = 30;
}
