using System.Globalization;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ConsoleChartTests(WebFixture web)
{
    [Theory]
    [InlineData("Messages waiting (all queues)")]
    [InlineData("Messages handled per second")]
    public async Task A_chart_scale_rises_from_zero_in_distinct_steps_to_at_least_its_largest_value(string title)
    {
        var admin = await web.Server.SignUpAsync("Charts");
        await web.Server.MakeAdminAsync(admin);
        var page = await web.Browser.NewPageAsync(web.Server);
        await People.SignInAsync(page, admin);

        // Queue depth is sampled every 30 seconds: the chart appears with the second sample.
        var chart = page.Locator("figure.chart", new() { Has = page.Locator("figcaption", new() { HasTextString = title }) });
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync("/console");
            if (await chart.Locator("svg").CountAsync() > 0 || attempt == 45)
            {
                break;
            }

            await page.WaitForTimeoutAsync(1000);
        }

        await Expect(chart.Locator("svg")).ToBeVisibleAsync();
        // The y-axis labels are the right-aligned ones left of the plot, top to bottom.
        var labels = (await chart.Locator("svg text.axis[x='38']").AllTextContentsAsync())
            .Select(t => double.Parse(t.Trim(), CultureInfo.InvariantCulture)).ToList();
        var values = (await chart.Locator("table tbody td:nth-child(2)").AllTextContentsAsync())
            .Select(t => double.Parse(t.Trim(), CultureInfo.InvariantCulture)).ToList();

        labels.Count.ShouldBe(5);
        labels[^1].ShouldBe(0);
        labels.ShouldBeInOrder(SortDirection.Descending);
        labels.ShouldBeUnique();
        labels[0].ShouldBeGreaterThanOrEqualTo(values.Max());
        if (values.All(v => v == 0))
        {
            labels[0].ShouldBe(1);
        }
    }
}
