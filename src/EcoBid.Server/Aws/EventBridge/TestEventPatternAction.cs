using System.Text.Json.Nodes;
using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Events;

namespace EcoBid.Server.Aws.EventBridge;

/// <summary>
/// TestEventPattern on the code path of <c>POST /events/test-pattern</c> (<see cref="PatternTester"/>): an invalid
/// pattern is InvalidEventPatternException with the matcher's "Event pattern is not valid. Reason: …"; an event that is
/// not JSON, not an object, or lacks one of id, account, source, time, region and detail-type is a ValidationException
/// with AWS's words alone, "Parameter Event is not valid." (the REST endpoint adds the matcher's reason).
/// </summary>
internal static class TestEventPatternAction
{
    /// <summary>AWS's whole message for an event TestEventPattern cannot use.</summary>
    public const string InvalidEvent = "Parameter Event is not valid.";

    public static Task<JsonObject> TestAsync(AwsActionContext call)
    {
        var outcome = PatternTester.Evaluate(call.Required("EventPattern"), call.Required("Event"));
        if (outcome.Error is { } error)
        {
            throw outcome.Field == "eventPattern"
                ? new AwsException(EventBridgeErrors.InvalidEventPattern, error)
                : new AwsException(AwsErrors.ValidationException, InvalidEvent);
        }

        return Task.FromResult(new JsonObject { ["Result"] = outcome.Result });
    }
}
