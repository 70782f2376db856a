using System.Diagnostics;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EcoBid.Web.Tests;

/// <summary>
/// The home page's first load: under 150 KB transferred (HTML, CSS, JS, compressed), from this server only. The paint
/// times are measured and written to the artifacts (budget.txt) as a report, not asserted: a shared 2-core machine
/// cannot make a millisecond figure a reliable pass/fail line.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BudgetTests(WebFixture web, ITestOutputHelper output)
{
    private const string FirstPaint =
        "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd";

    [Fact]
    public async Task The_home_page_first_load_stays_within_its_transfer_budget_and_asks_no_other_host()
    {
        // Warm the server (JIT, the search path, the asset endpoints).
        for (var i = 0; i < 3; i++)
        {
            var warm = await web.Browser.NewPageAsync(web.Server);
            await warm.GotoAsync("/");
            await warm.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await warm.Context.CloseAsync();
        }

        // A first visit: no cookies, nothing cached (caching off through the DevTools protocol), measured five times
        // on a tab whose renderer already runs (starting chromium's processes is the browser's cost, not the page's).
        // The fastest counts: this 2-core machine is shared, and what the page costs is what it costs when nothing
        // else takes the CPU away; the median is written out beside it.
        var page = await web.Browser.NewPageAsync(web.Server);
        await page.GotoAsync("/signin");
        var devtools = await page.Context.NewCDPSessionAsync(page);
        await devtools.SendAsync("Network.enable");
        await devtools.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        var paints = new List<double>();
        var responses = new List<IResponse>();
        void Collect(object? sender, IResponse response) => responses.Add(response);
        TimeSpan loaded = default;
        for (var i = 0; i < 5; i++)
        {
            await page.Context.ClearCookiesAsync();
            responses.Clear();
            page.Response += Collect;
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });
            loaded = clock.Elapsed;
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            page.Response -= Collect;
            paints.Add(await page.EvaluateAsync<double>(FirstPaint));
        }

        paints.Sort();
        var paint = paints[0];

        // What this browser on this machine needs to paint a page with nothing in it, for comparison.
        await page.RouteAsync("**/__baseline", route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<!doctype html><title>b</title><p>EcoBid</p>" }));
        await page.GotoAsync("/__baseline", new() { WaitUntil = WaitUntilState.Load });
        var baseline = await page.EvaluateAsync<double>(FirstPaint);

        long total = 0;
        var lines = new List<string>();
        foreach (var response in responses)
        {
            var type = response.Request.ResourceType;
            if (type is not ("document" or "stylesheet" or "script"))
            {
                continue;
            }

            var sizes = await response.Request.SizesAsync();
            var transferred = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            total += transferred;
            lines.Add($"{type,-10} {transferred,7} B  {new Uri(response.Url).AbsolutePath}");
        }

        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });
        var timing = await page.EvaluateAsync<double[]>(
            "() => { const n = performance.getEntriesByType('navigation')[0]; return [n.responseStart, n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd, n.loadEventEnd]; }");
        output.WriteLine($"first byte {timing[0]:0} ms, last byte {timing[1]:0} ms, interactive {timing[2]:0} ms, DOMContentLoaded {timing[3]:0} ms, load {timing[4]:0} ms");
        output.WriteLine(string.Join("\n", lines));
        output.WriteLine($"total {total} B; first contentful paint {string.Join(", ", paints.Select(p => p.ToString("0")))} ms (fastest {paint:0}, median {paints[2]:0}); an empty page paints at {baseline:0} ms; load event after {loaded.TotalMilliseconds:0} ms");

        Directory.CreateDirectory(Artifacts.Folder);
        await File.WriteAllLinesAsync(Path.Combine(Artifacts.Folder, "budget.txt"), [.. lines,
            $"total {total} B; first contentful paint {string.Join(", ", paints.Select(p => p.ToString("0")))} ms (fastest {paint:0}, median {paints[2]:0}); empty page {baseline:0} ms"]);
        lines.Count.ShouldBeGreaterThanOrEqualTo(4);
        total.ShouldBeLessThan(150 * 1024);
        paint.ShouldBeGreaterThan(0);
        responses.ShouldAllBe(r => r.Url.StartsWith(web.Server.Url, StringComparison.Ordinal));
        web.Browser.ForeignRequests.ShouldBeEmpty();
    }
}
