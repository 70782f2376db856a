using System.Text.Json.Nodes;
using EcoBid.Events.Patterns;
using EcoBid.Events.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Aws.EventBridge;

/// <summary>What EventBridge's answers are checked against: the rules the server loaded, the ARN forms of docs/events.md, and the matcher's own messages.</summary>
public static class EventBridgeExpectations
{
    public const string Account = "123456789012";
    public const string BusArn = $"arn:aws:events:{AwsEndpointServer.Region}:{Account}:event-bus/default";

    public static RuleSet Rules(AwsEndpointServer server) => server.App.Services.GetRequiredService<RuleSet>();

    public static string RuleArn(string name) => $"arn:aws:events:{AwsEndpointServer.Region}:{Account}:rule/{name}";

    public static string QueueArn(string target) => $"arn:aws:sqs:{AwsEndpointServer.Region}:{Account}:{target}";

    public static string StateMachineArn(string machine) => $"arn:aws:states:{AwsEndpointServer.Region}:{Account}:stateMachine:{machine}";

    /// <summary>Whether a pattern string an action answered is the same JSON as the rule's pattern in the rules file.</summary>
    public static bool SamePattern(string answered, Rule rule) => JsonNode.DeepEquals(JsonNode.Parse(answered), JsonNode.Parse(rule.Pattern.Json));

    /// <summary>The matcher's own refusal of a pattern, or of an event (tested against a valid pattern).</summary>
    public static string MatcherMessage(string pattern, string @event)
    {
        if (!EventPattern.TryParse(pattern, out var parsed, out var error))
        {
            return error;
        }

        return Should.Throw<InvalidEventException>(() => parsed.TestEvent(@event)).Message;
    }
}
