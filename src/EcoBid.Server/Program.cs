using EcoBid.Server.Cli;
using EcoBid.Server.Hosting;

if (CliApp.IsCommand(args))
{
    return await CliApp.RunAsync(args);
}

var app = EcoBidHost.CreateBuilder(args).Build();
app.UseEcoBid();
app.MapEcoBid();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
