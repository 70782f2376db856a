using EcoBid.Server.Aws.Protocol;

namespace EcoBid.Server.Aws.EventBridge;

/// <summary>EventBridge's own errors, with AWS's codes and messages (all HTTP 400).</summary>
internal static class EventBridgeErrors
{
    public const string InvalidEventPattern = "InvalidEventPatternException";
    public const string ResourceNotFound = "ResourceNotFoundException";

    public static AwsException RuleNotFound(string rule, string bus) => new(ResourceNotFound, $"Rule {rule} does not exist on EventBus {bus}.");

    public static AwsException BusNotFound(string bus) => new(ResourceNotFound, $"Event bus {bus} does not exist.");

    public static AwsException InvalidNextToken() => new(AwsErrors.ValidationException, "The NextToken provided is not valid.");
}
