using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Hosting;

namespace EcoBid.Server.Aws;

/// <summary>
/// The credentials of <c>/aws</c>: <c>Aws:AccessKeyId</c> and <c>Aws:SecretAccessKey</c> when configured, else a pair
/// generated on first start and kept in the data folder (<c>aws-credentials.json</c>, readable by its owner only), so
/// the server and <c>ecobid aws credentials</c> agree across restarts.
/// </summary>
public static class AwsCredentialStore
{
    public const string FileName = "aws-credentials.json";
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static AwsCredentials Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = AwsOptions.From(configuration);
        var hasKey = !string.IsNullOrWhiteSpace(options.AccessKeyId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.SecretAccessKey);
        if (hasKey && hasSecret)
        {
            return new AwsCredentials(options.AccessKeyId!.Trim(), options.SecretAccessKey!.Trim());
        }

        if (hasKey || hasSecret)
        {
            throw new InvalidOperationException("Aws:AccessKeyId and Aws:SecretAccessKey are set together or not at all.");
        }

        return LoadOrCreate(Path.Combine(EcoBidPaths.DataDir(configuration), FileName));
    }

    /// <summary>Whether the credentials in force come from configuration rather than the data folder.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var options = AwsOptions.From(configuration);
        return !string.IsNullOrWhiteSpace(options.AccessKeyId) && !string.IsNullOrWhiteSpace(options.SecretAccessKey);
    }

    private static AwsCredentials LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var generated = new JsonObject
            {
                ["accessKeyId"] = "AKIA" + RandomNumberGenerator.GetString(KeyAlphabet, 16),
                ["secretAccessKey"] = RandomNumberGenerator.GetString(SecretAlphabet, 40),
            };
            var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            File.WriteAllText(temporary, generated.ToJsonString());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                // Another process (the server, or a CLI verb beside it) wrote the file first: use theirs.
                File.Delete(temporary);
            }
        }

        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path));
            var key = json?["accessKeyId"]?.GetValue<string>();
            var secret = json?["secretAccessKey"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret))
            {
                return new AwsCredentials(key, secret);
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        throw new InvalidOperationException($"{path} does not hold an access key pair; delete it to have a new one generated, or set Aws:AccessKeyId and Aws:SecretAccessKey.");
    }
}
