using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Events.Rules;
using EcoBid.Server.Aws.Protocol;

namespace EcoBid.Server.Aws.EventBridge;

/// <summary>
/// ListRules, DescribeRule and ListTargetsByRule over the rules file the server loaded (<see cref="RuleSet"/>): every
/// rule is ENABLED on the bus <c>default</c>, its pattern the file's, compacted to one line.
/// </summary>
internal sealed class RuleActions(EventBridgeArns arns)
{
    private const string Enabled = "ENABLED";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<JsonObject> ListAsync(AwsActionContext call)
    {
        var bus = call.Text("EventBusName");
        if (!arns.IsDefaultBus(bus))
        {
            throw EventBridgeErrors.BusNotFound(bus!);
        }

        var prefix = call.Text("NamePrefix") ?? "";
        var rules = call.Service<RuleSet>().Rules.Where(rule => rule.Name.StartsWith(prefix, StringComparison.Ordinal));
        var (page, next) = NamePage.Take(rules, rule => rule.Name, call.WholeNumber("Limit"), call.Text("NextToken"));
        return Task.FromResult(new JsonObject { ["Rules"] = new JsonArray([.. page.Select(View)]) }.With("NextToken", next));
    }

    public Task<JsonObject> DescribeAsync(AwsActionContext call) =>
        Task.FromResult(View(Find(call, call.Required("Name"))).With("CreatedBy", arns.Account));

    public Task<JsonObject> ListTargetsAsync(AwsActionContext call)
    {
        var rule = Find(call, call.Required("Rule"));
        var (page, next) = NamePage.Take(rule.Targets, EventBridgeArns.TargetId, call.WholeNumber("Limit"), call.Text("NextToken"));
        var targets = page.Select(target => (JsonNode)new JsonObject { ["Id"] = EventBridgeArns.TargetId(target), ["Arn"] = arns.Target(target) });
        return Task.FromResult(new JsonObject { ["Targets"] = new JsonArray([.. targets]) }.With("NextToken", next));
    }

    /// <exception cref="AwsException">ResourceNotFoundException: no such rule on the bus named (or no such bus).</exception>
    private Rule Find(AwsActionContext call, string name)
    {
        var bus = call.Text("EventBusName");
        var rule = call.Service<RuleSet>().Rules.FirstOrDefault(r => r.Name == name);
        return rule is not null && arns.IsDefaultBus(bus) ? rule : throw EventBridgeErrors.RuleNotFound(name, bus ?? EventBridgeArns.DefaultBus);
    }

    private JsonObject View(Rule rule) => new JsonObject
    {
        ["Name"] = rule.Name,
        ["Arn"] = arns.Rule(rule.Name),
        ["EventPattern"] = JsonNode.Parse(rule.Pattern.Json)!.ToJsonString(Compact),
        ["State"] = Enabled,
    }
    .With("Description", rule.Description.Length == 0 ? null : rule.Description)
    .With("EventBusName", EventBridgeArns.DefaultBus);
}
