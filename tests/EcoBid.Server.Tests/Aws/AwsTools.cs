using System.Diagnostics;

namespace EcoBid.Server.Tests.Aws;

/// <summary>
/// The real AWS clients of the machine: the AWS CLI (<c>aws</c>) and python3 with boto3. They are part of every
/// machine this project builds on; a machine without them fails these tests with a message that says so.
/// </summary>
public static class AwsTools
{
    private static readonly string[] KnownPlaces = ["/root/.pyenv/shims", "/usr/local/bin", "/usr/bin"];

    public static string Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(KnownPlaces))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{program}' is not installed: the /aws protocol tests drive the real AWS CLI (aws) and python3 with boto3, which every EcoBid build machine has (scripts/install-test-prerequisites.sh installs Debian's awscli and python3-boto3 when they are missing).");
    }

    /// <summary>An environment with nothing of the user's AWS configuration in it, and these credentials.</summary>
    public static void Isolate(ProcessStartInfo start, string accessKey, string secret, string region)
    {
        ArgumentNullException.ThrowIfNull(start);
        foreach (var name in new[] { "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_CA_BUNDLE" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secret;
        start.Environment["AWS_DEFAULT_REGION"] = region;
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_RETRY_MODE"] = "standard";
        start.Environment["AWS_PAGER"] = "";
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo start, string? input = null, double seconds = 90)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = input is not null;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in {seconds} s.");
        }

        return (process.ExitCode, await output, await error);
    }
}
