using System.Net;
using System.Text.RegularExpressions;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Http;

/// <summary>Swagger UI at /swagger runs under the same strict content security policy as the web client's pages.</summary>
public sealed partial class ApiReferenceTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/index.js")]
    [InlineData("/swagger/swagger-ui-bundle.js")]
    public async Task The_api_reference_is_served_by_this_server_under_the_strict_policy(string path)
    {
        using var response = await _app.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self';");
        policy.ShouldContain("connect-src 'self';");
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldNotContain("unsafe-eval");
    }

    [Fact]
    public async Task The_api_reference_page_loads_every_script_and_style_from_a_file_of_this_origin()
    {
        var page = await _app.CreateClient().GetStringAsync("/swagger/index.html");

        var scripts = ScriptTags().Matches(page).Select(m => m.Value).ToList();
        scripts.ShouldNotBeEmpty();
        scripts.ShouldAllBe(tag => tag.Contains("src=\"./", StringComparison.Ordinal) || tag.Contains("src=\"index.js\"", StringComparison.Ordinal));
        ScriptBodies().Matches(page).ShouldAllBe(m => m.Groups["body"].Value.Trim().Length == 0);
        page.ShouldNotContain("<style", Case.Insensitive);
        page.ShouldNotContain("http://", Case.Insensitive);
        page.ShouldNotContain("https://", Case.Insensitive);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTags();

    [GeneratedRegex("<script[^>]*>(?<body>.*?)</script>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptBodies();
}
