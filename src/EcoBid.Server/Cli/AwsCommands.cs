using System.CommandLine;
using System.Text.Json.Nodes;
using EcoBid.Server.Aws;

namespace EcoBid.Server.Cli;

internal static class AwsCommands
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON object instead of shell export lines" };
        var credentials = new Command("credentials",
            "Shows the access key that signs requests to /aws (configured, or generated into the data folder on first start), and the region to sign for.")
        {
            json,
        };
        credentials.SetAction(result =>
        {
            var configuration = Configuration();
            var keys = AwsCredentialStore.Resolve(configuration);
            var options = AwsOptions.From(configuration);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                output.WriteLine(new JsonObject
                {
                    ["accessKeyId"] = keys.AccessKeyId,
                    ["secretAccessKey"] = keys.SecretAccessKey,
                    ["region"] = options.Region,
                    ["accountId"] = options.AccountId,
                }.ToJsonString());
                return 0;
            }

            // Shell lines, so `eval "$(ecobid aws credentials)"` prepares the AWS CLI and boto3.
            output.WriteLine($"export AWS_ACCESS_KEY_ID={keys.AccessKeyId}");
            output.WriteLine($"export AWS_SECRET_ACCESS_KEY={keys.SecretAccessKey}");
            output.WriteLine($"export AWS_DEFAULT_REGION={options.Region}");
            return 0;
        });
        return new Command("aws", "The AWS-compatible endpoint at /aws.") { credentials };
    }

    /// <summary>The server's configuration (shipped settings, environment), without starting any of its services.</summary>
    private static ConfigurationManager Configuration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        return builder.Configuration;
    }
}
