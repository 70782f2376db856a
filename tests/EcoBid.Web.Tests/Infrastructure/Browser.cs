using Microsoft.Playwright;

namespace EcoBid.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download). Each person in a test gets a
/// context of their own (cookies, storage), side by side in one browser. Every request to a host other than the
/// server is refused and recorded, and so is every console error (a CSP violation among them).
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public List<string> ForeignRequests { get; } = [];

    /// <summary>Console errors of every page, each line starting with the page's address.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>The console errors of one page (the list is shared by every test of the collection).</summary>
    public IReadOnlyList<string> ErrorsOf(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        lock (ConsoleErrors)
        {
            return _errorsByPage.TryGetValue(page, out var errors) ? [.. errors] : [];
        }
    }

    private readonly Dictionary<IPage, List<string>> _errorsByPage = [];

    public async Task StartAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        File.Exists(ChromiumPath).ShouldBeTrue("Chromium is missing: run scripts/install-test-prerequisites.sh (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public IAPIRequest Request => _playwright!.APIRequest;

    /// <summary>A new person's browser: its own cookies, a phone or desktop viewport, English or Polish, script on or off.</summary>
    public async Task<IPage> NewPageAsync(WebServer server, int width = 1280, int height = 900, string locale = "en-GB", bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Url,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Europe/Warsaw",
        });
        context.SetDefaultTimeout(15_000);
        var origin = new Uri(server.Url).GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !url.StartsWith(origin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal), async route =>
        {
            lock (ForeignRequests)
            {
                ForeignRequests.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        lock (ConsoleErrors)
        {
            _errorsByPage[page] = errors;
        }

        void Record(string text)
        {
            lock (ConsoleErrors)
            {
                ConsoleErrors.Add($"{page.Url}: {text}");
                errors.Add($"{page.Url}: {text}");
            }
        }

        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record(message.Text);
            }
        };
        page.PageError += (_, error) => Record(error);
        return page;
    }

    /// <summary>A bare context, for pages that stand for another site (served by the test through routing).</summary>
    public async Task<IBrowserContext> NewContextAsync() => await _browser!.NewContextAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
