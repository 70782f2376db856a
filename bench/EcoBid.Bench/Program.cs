using EcoBid.Bench;

// The search benchmark on its own; the harness's Program dispatches to SearchBenchmark.RunAsync the same way.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await SearchBenchmark.RunAsync(args is ["search", .. var rest] ? rest : args, Console.Out, cancellation.Token);
