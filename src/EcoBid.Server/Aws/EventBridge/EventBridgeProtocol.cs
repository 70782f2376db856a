using EcoBid.Server.Aws.Protocol;

namespace EcoBid.Server.Aws.EventBridge;

/// <summary>
/// EventBridge's API (<c>X-Amz-Target: AWSEvents.*</c>, JSON 1.1, signed for <c>events</c>): TestEventPattern on
/// EcoBid's pattern matcher, and read-only views of the rules file's rules on the one bus, <c>default</c>.
/// </summary>
public static class EventBridgeProtocol
{
    public const string TargetPrefix = "AWSEvents";
    public const string SigningName = "events";

    public static AwsService Create(EventBridgeArns arns)
    {
        var rules = new RuleActions(arns);
        var buses = new EventBusActions(arns);
        return new AwsService(TargetPrefix, SigningName, "1.1",
        [
            new("TestEventPattern", EventBridgeShapes.TestEventPattern, TestEventPatternAction.TestAsync),
            new("ListRules", EventBridgeShapes.ListRules, rules.ListAsync),
            new("DescribeRule", EventBridgeShapes.DescribeRule, rules.DescribeAsync),
            new("ListTargetsByRule", EventBridgeShapes.ListTargetsByRule, rules.ListTargetsAsync),
            new("DescribeEventBus", EventBridgeShapes.DescribeEventBus, buses.DescribeAsync),
            new("ListEventBuses", EventBridgeShapes.ListEventBuses, buses.ListAsync),
        ], notOffered: ReadOnlyRules.NotOffered);
    }
}
