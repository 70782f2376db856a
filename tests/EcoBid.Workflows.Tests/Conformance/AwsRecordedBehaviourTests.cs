using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.Conformance;

/// <summary>
/// Runs every case of <c>aws-recorded-cases.json</c> (recorded against moto's port of LocalStack's snapshot-tested
/// interpreter, or taken from AWS's documentation where the two differ; see README.md) and compares the status, the
/// output, the error and, where recorded, the cause.
/// </summary>
public class AwsRecordedBehaviourTests
{
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in RecordedCase.Cases.Keys) data.Add(name);
            return data;
        }
    }

    [Fact]
    public void The_corpus_is_broad()
    {
        RecordedCase.Cases.Count.ShouldBeGreaterThanOrEqualTo(150);
        var features = RecordedCase.Cases.Keys.Select(n => n.Split('/')[0]).Distinct().ToList();
        features.ShouldBe(["intrinsic", "io", "jsonpath", "choice", "wait", "succeed", "fail", "parallel", "catch", "map", "vars", "validate", "jsonata", "limits", "context"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Behaves_as_recorded(string name)
    {
        var recorded = RecordedCase.Cases[name];
        var expected = recorded.Expected;
        var status = (string)expected["status"]!;
        var parsed = StateMachineDefinition.Parse(recorded.Definition, new DefinitionOptions { Jsonata = Host.Jsonata });
        if (status == "INVALID_DEFINITION")
        {
            parsed.IsValid.ShouldBeFalse($"{name}: AWS rejects this definition");
            return;
        }
        parsed.IsValid.ShouldBeTrue($"{name}: {parsed.InvalidDefinitionMessage}");

        var advance = new Host(recorded.Definition).Run(recorded.Input);

        advance.Status.ToString().ToUpperInvariant().ShouldBe(status, $"{name}: error {advance.Error}, cause {advance.Cause}, output {Machines.Json(advance.Output)}");
        if (status == "SUCCEEDED")
        {
            SameJson(advance.Output, expected["output"]).ShouldBeTrue($"{name}: output {Machines.Json(advance.Output)}, expected {Machines.Json(expected["output"])}");
            return;
        }
        advance.Error.ShouldBe((string?)expected["error"], $"{name}: cause {advance.Cause}");
        if (expected.ContainsKey("cause")) advance.Cause.ShouldBe((string?)expected["cause"], name);
    }

    /// <summary>Structural equality where numbers compare by value (AWS may print 1000 as 1000.0).</summary>
    private static bool SameJson(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && SameJson(p.Value, v)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => SameJson(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number =>
            decimal.Parse(x.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(y.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
        (JsonValue x, JsonValue y) => x.ToJsonString() == y.ToJsonString(),
        _ => false,
    };
}
