using System.Text.Json.Nodes;
using EcoBid.Server.Aws.Protocol;

namespace EcoBid.Server.Aws.EventBridge;

/// <summary>DescribeEventBus and ListEventBuses: EcoBid has one bus, <c>default</c>, that every rule is on.</summary>
internal sealed class EventBusActions(EventBridgeArns arns)
{
    public Task<JsonObject> DescribeAsync(AwsActionContext call)
    {
        var name = call.Text("Name");
        return arns.IsDefaultBus(name) ? Task.FromResult(View()) : throw EventBridgeErrors.BusNotFound(name!);
    }

    public Task<JsonObject> ListAsync(AwsActionContext call)
    {
        var prefix = call.Text("NamePrefix") ?? "";
        var buses = EventBridgeArns.DefaultBus.StartsWith(prefix, StringComparison.Ordinal) ? [EventBridgeArns.DefaultBus] : Array.Empty<string>();
        var (page, next) = NamePage.Take(buses, name => name, call.WholeNumber("Limit"), call.Text("NextToken"));
        return Task.FromResult(new JsonObject { ["EventBuses"] = new JsonArray([.. page.Select(_ => (JsonNode)View())]) }.With("NextToken", next));
    }

    private JsonObject View() => new() { ["Name"] = EventBridgeArns.DefaultBus, ["Arn"] = arns.Bus(EventBridgeArns.DefaultBus) };
}
