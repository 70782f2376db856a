using EcoBid.Server.Aws.Protocol;
using static EcoBid.Server.Aws.Protocol.AwsMember;

namespace EcoBid.Server.Aws.EventBridge;

/// <summary>
/// The input shapes of EventBridge's offered actions, with the constraints of AWS's service model. Validation messages
/// name a member as EventBridge's Java model does (<c>EventPattern</c> is <c>'eventPattern'</c>).
/// </summary>
internal static class EventBridgeShapes
{
    public const int MaxEventPattern = 4096;

    private const string NamePattern = @"[\.\-_A-Za-z0-9]+";
    private const string BusNamePattern = @"[/\.\-_A-Za-z0-9]+";
    private const string BusNameOrArnPattern = @"(arn:aws[\w-]*:events:[a-z]+-[a-z]+-[\w-]+:[0-9]{12}:event-bus\/)?[/\.\-_A-Za-z0-9]+";

    private static AwsMember Named(AwsMember member) => member with { Label = char.ToLowerInvariant(member.Name[0]) + member.Name[1..] };

    private static AwsMember RuleName(string name, bool required = false) => Named(Text(name, required, 1, 64) with { Pattern = NamePattern });

    private static AwsMember BusNameOrArn(string name) => Named(Text(name, min: 1, max: 1600) with { Pattern = BusNameOrArnPattern });

    private static AwsMember NextToken() => Named(Text("NextToken", min: 1, max: 2048));

    private static AwsMember Limit() => Named(WholeNumber("Limit", 1, NamePage.MaxLimit));

    public static readonly AwsShape TestEventPattern = new(
        Named(Text("EventPattern", required: true, max: MaxEventPattern)),
        Named(Text("Event", required: true)));

    public static readonly AwsShape ListRules = new(RuleName("NamePrefix"), BusNameOrArn("EventBusName"), NextToken(), Limit());

    public static readonly AwsShape DescribeRule = new(RuleName("Name", required: true), BusNameOrArn("EventBusName"));

    public static readonly AwsShape ListTargetsByRule = new(RuleName("Rule", required: true), BusNameOrArn("EventBusName"), NextToken(), Limit());

    public static readonly AwsShape DescribeEventBus = new(BusNameOrArn("Name"));

    public static readonly AwsShape ListEventBuses = new(Named(Text("NamePrefix", min: 1, max: 256) with { Pattern = BusNamePattern }), NextToken(), Limit());
}
