using System.CommandLine;
using EcoBid.Server.Proxy;

namespace EcoBid.Server.Cli;

/// <summary><c>ecobid proxy --listen URL --to URL,URL…</c>: one address in front of several api processes.</summary>
internal static class ProxyCommands
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "The address to serve on", DefaultValueFactory = _ => "http://localhost:8080" };
        var to = new Option<string>("--to") { Description = "The api processes, comma-separated (http://127.0.0.1:8081,http://127.0.0.1:8082)", Required = true };
        var interval = new Option<double>("--health-interval") { Description = "Seconds between readiness checks of each api process", DefaultValueFactory = _ => 5 };
        var command = new Command("proxy", "Serves one URL in front of several api processes (HTTP and WebSockets), leaving out those not ready.") { listen, to, interval };
        command.SetAction(async (result, cancellationToken) =>
        {
            var destinations = new List<Uri>();
            foreach (var part in result.GetValue(to)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    result.InvocationConfiguration.Error.WriteLine($"--to: '{part}' is not an http(s) URL.");
                    return 2;
                }

                destinations.Add(uri);
            }

            if (destinations.Count == 0)
            {
                result.InvocationConfiguration.Error.WriteLine("--to names no api process.");
                return 2;
            }

            await using var app = FrontProxy.Build(result.GetValue(listen)!, destinations, TimeSpan.FromSeconds(Math.Max(1, result.GetValue(interval))));
            result.InvocationConfiguration.Output.WriteLine($"Proxy on {result.GetValue(listen)} → {string.Join(", ", destinations)}");
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
