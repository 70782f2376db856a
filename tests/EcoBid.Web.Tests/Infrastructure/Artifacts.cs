using Microsoft.Playwright;

namespace EcoBid.Web.Tests.Infrastructure;

/// <summary>Screenshots a person can look at: under the test output, <c>artifacts/screenshots/NAME-WIDTH.png</c>.</summary>
public static class Artifacts
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static string ScreenshotFolder { get; } = Path.Combine(Folder, "screenshots");

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"{name}-{page.ViewportSize?.Width ?? 0}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
