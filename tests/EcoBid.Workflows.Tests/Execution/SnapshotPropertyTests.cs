using System.Text.Json.Nodes;
using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.Execution;

/// <summary>
/// Property: for generated machines (chains of Pass, Wait, Task with Retry/Catch, Choice, Map and Parallel) and
/// generated task outcomes, running straight through and running with the snapshot serialised and read back
/// between every step give the same status, output, history and invocations.
/// </summary>
public class SnapshotPropertyTests
{
    private static JsonObject State(Random random, int index, int count, int depth, int id, int[] ids)
    {
        var nextName = index + 1 < count ? $"S{id}_{index + 1}" : null;
        var caught = $"Caught{id}";
        var state = random.Next(depth > 1 ? 5 : 7) switch
        {
            0 => Obj("""{"Type":"Pass","Parameters":{"prev.$":"$"}}""").With("Assign", new JsonObject { [$"last{id}"] = index }),
            1 => Obj("""{"Type":"Wait"}""").With("Seconds", random.Next(0, 5)),
            2 => Obj("""
                {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":50,
                 "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":1,"MaxAttempts":2,"JitterStrategy":"FULL"}],
                 "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"CAUGHT"}]}
                """.Replace("CAUGHT", caught, StringComparison.Ordinal)).With("ResultPath", $"$.r{index}"),
            3 => Obj("""{"Type":"Choice","Choices":[{"Variable":"$.err","IsPresent":true,"Next":"CAUGHT"}]}""".Replace("CAUGHT", caught, StringComparison.Ordinal))
                .With("Default", nextName ?? caught),
            4 => Obj("""{"Type":"Pass"}""").With("Result", new JsonObject { ["v"] = random.Next(100) }).With("ResultPath", $"$.p{index}"),
            5 => Obj("""{"Type":"Map","ItemsPath":"$$.Execution.Input.items"}""").With("MaxConcurrency", random.Next(0, 3))
                .With("ResultPath", $"$.m{index}").With("ItemProcessor", Branch(random, depth + 1, ids)),
            _ => Obj("""{"Type":"Parallel"}""").With("ResultPath", $"$.b{index}").With("Branches", new JsonArray(Branch(random, depth + 1, ids), Branch(random, depth + 2, ids))),
        };
        if (state["Type"]!.GetValue<string>() != "Choice")
        {
            if (nextName is null) state["End"] = true;
            else state["Next"] = nextName;
        }
        return state;
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject Branch(Random random, int depth) => Branch(random, depth, new int[1]);

    private static JsonObject Branch(Random random, int depth, int[] ids)
    {
        var id = ids[0]++;
        var count = random.Next(1, 5);
        var states = new JsonObject();
        for (var i = 0; i < count; i++) states[$"S{id}_{i}"] = State(random, i, count, depth, id, ids);
        if (states.ToJsonString().Contains($"\"Caught{id}\"", StringComparison.Ordinal)) states[$"Caught{id}"] = Obj("""{"Type":"Pass","Result":"caught","End":true}""");
        return new JsonObject { ["StartAt"] = $"S{id}_0", ["States"] = states };
    }

    private static Func<InvokeTask, TaskResult> Outcomes(int seed)
    {
        var random = new Random(seed);
        return _ => random.Next(6) switch
        {
            0 => TaskResult.Fail("Flaky", "again"),
            1 => TaskResult.Fail("Fatal", "no"),
            2 => TaskResult.Hang,
            _ => TaskResult.Ok(JsonValue.Create(random.Next(1000))),
        };
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Persisting_between_steps_changes_nothing(int seed)
    {
        var definition = Branch(new Random(seed), 0).ToJsonString();
        const string input = """{"items":[1,2,3]}""";
        var straight = new Host(definition, Outcomes(seed));
        var a = straight.Run(input);
        var persisted = new Host(definition, Outcomes(seed), roundTrip: true);
        var b = persisted.Run(input);

        b.Status.ShouldBe(a.Status);
        Machines.Json(b.Output).ShouldBe(Machines.Json(a.Output));
        (b.Error, b.Cause).ShouldBe((a.Error, a.Cause));
        persisted.History.Select(e => e.ToJson().ToJsonString()).ShouldBe(straight.History.Select(e => e.ToJson().ToJsonString()));
        persisted.Invocations.Select(i => i.InvocationId).ShouldBe(straight.Invocations.Select(i => i.InvocationId));
        a.Status.ShouldNotBe(ExecutionStatus.Running);
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++) data.Add(seed);
        return data;
    }
}

internal static class JsonObjectBuilding
{
    public static JsonObject With(this JsonObject obj, string key, JsonNode? value)
    {
        obj[key] = value;
        return obj;
    }
}
