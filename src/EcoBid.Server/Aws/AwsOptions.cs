namespace EcoBid.Server.Aws;

/// <summary>
/// Configuration section <c>Aws</c>: the one access key that may call <c>/aws</c>, and the region and account the
/// ARNs are in. Unset keys are generated once into the data folder (<see cref="AwsCredentialStore"/>).
/// </summary>
public sealed class AwsOptions
{
    public const string Section = "Aws";
    public const string DefaultRegion = "us-east-1";
    public const string DefaultAccountId = "123456789012";

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>The only region a request may be signed for, and the region of every ARN.</summary>
    public string Region { get; set; } = DefaultRegion;

    public string AccountId { get; set; } = DefaultAccountId;

    public static AwsOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<AwsOptions>() ?? new AwsOptions();
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            options.Region = DefaultRegion;
        }

        if (string.IsNullOrWhiteSpace(options.AccountId))
        {
            options.AccountId = DefaultAccountId;
        }

        return options;
    }
}
