using System.Diagnostics;
using EcoBid.Server.Blobs.S3;
using EcoBid.Server.Tests.Aws;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Blobs;

/// <summary>
/// moto's S3 server (<c>moto_server</c>, on every EcoBid build machine beside the AWS CLI and boto3) on a loopback port:
/// an S3 implementation written elsewhere, for the S3 blob store to be tested against.
/// </summary>
public sealed class MotoS3 : IAsyncLifetime
{
    private Process? _process;

    public Uri Url { get; private set; } = new("http://127.0.0.1:1");

    public S3BlobStoreOptions Options(string bucket) => new()
    {
        Bucket = bucket,
        ServiceUrl = Url,
        AccessKeyId = "testing",
        SecretAccessKey = "testing",
    };

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(AwsTools.Find("moto_server"), ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                (await http.GetAsync(new Uri(Url, "/moto-api/"))).Dispose();
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }
}
