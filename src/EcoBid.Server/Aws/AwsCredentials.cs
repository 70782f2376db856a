namespace EcoBid.Server.Aws;

/// <summary>The access key pair requests to <c>/aws</c> are signed with.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey)
{
    /// <summary>The secret stays out of logs and exception messages.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
