namespace EcoBid.Server.Hosting;

/// <summary>What <c>GET /</c> answers when the web client is not served: where to find the API and its documentation.</summary>
public static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => TypedResults.Content(
            """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>EcoBid</title></head>
            <body><main>
              <h1>EcoBid</h1>
              <p>A neighbourhood marketplace for the circular economy: give used items away, or sell them in quick auctions.</p>
              <ul>
                <li><a href="/swagger">The API, to try out</a> (<a href="/openapi/v1.json">OpenAPI document</a>)</li>
                <li><a href="/health/ready">Health</a></li>
                <li>The documentation is in the <code>docs/</code> folder of the repository, starting with <code>README.md</code>.</li>
              </ul>
            </main></body>
            </html>
            """,
            "text/html; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }
}
