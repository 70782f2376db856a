using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

public class MapTests
{
    [Fact]
    public void ItemSelector_sees_the_item_its_index_and_the_state_input()
    {
        var advance = new Host("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.detail.shipped","MaxConcurrency":0,
              "ItemSelector":{"parcel.$":"$$.Map.Item.Value","index.$":"$$.Map.Item.Index","courier.$":"$.detail.delivery-partner"},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Ship","States":{"Ship":{"Type":"Pass","End":true}}},
              "ResultPath":"$.detail.shipped","End":true}}}
            """).Run("""{"ship-date":"2016-03-14T01:59:00Z","detail":{"delivery-partner":"UQS","shipped":[{"prod":"R31","dest-code":9511,"quantity":1344},{"prod":"S39","dest-code":9511,"quantity":40}]}}""");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded, advance.Cause);
        advance.Output.ShouldBeJson("""
            {"ship-date":"2016-03-14T01:59:00Z","detail":{"delivery-partner":"UQS","shipped":[
              {"parcel":{"prod":"R31","dest-code":9511,"quantity":1344},"index":0,"courier":"UQS"},
              {"parcel":{"prod":"S39","dest-code":9511,"quantity":40},"index":1,"courier":"UQS"}]}}
            """);
    }

    [Fact]
    public void The_legacy_Iterator_and_Parameters_fields_work()
    {
        var advance = new Host("""
            {"StartAt":"M","States":{"M":{"Type":"Map","Parameters":{"v.$":"$$.Map.Item.Value"},
              "Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","OutputPath":"$.v","End":true}}},"End":true}}}
            """).Run("[1,2,3]");
        advance.Output.ShouldBeJson("[1,2,3]");
    }

    [Fact]
    public void MaxConcurrency_limits_the_running_iterations()
    {
        var host = new Host("""
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,
              "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},"End":true}}}
            """, _ => TaskResult.Hang);
        host.Run("[1,2,3,4,5]");
        host.Invocations.Count.ShouldBe(2);
        var advance = host.Signal(new TaskSucceeded(host.Invocations[0].InvocationId, 10));
        host.Invocations.Count.ShouldBe(3);
        advance.Snapshot.Frames.Count.ShouldBe(3);
        foreach (var invoke in host.Invocations.Skip(1).ToList()) host.Signal(new TaskSucceeded(invoke.InvocationId, 20));
        host.Signal(new TaskSucceeded(host.Invocations[3].InvocationId, 30));
        advance = host.Signal(new TaskSucceeded(host.Invocations[4].InvocationId, 40));
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        advance.Output.ShouldBeJson("[10,20,20,30,40]");
    }

    [Fact]
    public void One_failed_iteration_fails_the_Map_with_its_error()
    {
        var advance = new Host("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"F"}],"Default":"OK"},
              "F":{"Type":"Fail","Error":"Two","Cause":"is bad"},"OK":{"Type":"Succeed"}}},"End":true}}}
            """).Run("[1,2,3]");
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe("Two");
    }

    [Theory]
    [InlineData("\"ToleratedFailureCount\":1", ExecutionStatus.Succeeded)]
    [InlineData("\"ToleratedFailurePercentage\":40", ExecutionStatus.Succeeded)]
    [InlineData("\"ToleratedFailurePercentage\":30", ExecutionStatus.Failed)]
    [InlineData("\"ToleratedFailureCount\":0", ExecutionStatus.Failed)]
    public void Tolerated_failures(string tolerance, ExecutionStatus status)
    {
        var advance = new Host("""
            {"StartAt":"M","States":{"M":{"Type":"Map",TOLERANCE,"ItemProcessor":{"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"F"}],"Default":"OK"},
              "F":{"Type":"Fail","Error":"Two"},"OK":{"Type":"Succeed"}}},"End":true}}}
            """.Replace("TOLERANCE", tolerance, StringComparison.Ordinal)).Run("[1,2,3]");
        advance.Status.ShouldBe(status);
        if (status == ExecutionStatus.Failed) advance.Error.ShouldBe(StatesErrors.ExceedToleratedFailureThreshold);
        else advance.Output.ShouldBeJson("""[1,{"Error":"Two","Cause":null},3]""");
    }

    [Fact]
    public void ItemBatcher_groups_items_with_BatchInput()
    {
        var advance = new Host("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"factor.$":"$.factor"}},"ItemsPath":"$.items",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """).Run("""{"factor":3,"items":[1,2,3,4,5]}""");
        advance.Output.ShouldBeJson("""[{"BatchInput":{"factor":3},"Items":[1,2]},{"BatchInput":{"factor":3},"Items":[3,4]},{"BatchInput":{"factor":3},"Items":[5]}]""");
    }

    [Fact]
    public void An_empty_array_gives_an_empty_result_and_a_non_array_is_a_runtime_error()
    {
        const string map = """{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";
        new Host(map).Run("[]").Output.ShouldBeJson("[]");
        new Host(map).Run("""{"a":1}""").Error.ShouldBe(StatesErrors.Runtime);
    }

    [Fact]
    public void A_thousand_iterations_keep_no_finished_inputs_in_the_snapshot()
    {
        var items = string.Join(",", Enumerable.Range(0, 1000).Select(i => $$"""{"payload":"{{new string('x', 50)}}{{i}}"}"""));
        var host = new Host("""
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":10,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},"End":true}}}
            """, _ => TaskResult.Hang);
        var input = "[" + items + "]";
        host.Run(input);
        var atStart = host.Snapshot!.Serialize().Length;
        for (var i = 0; i < 995; i++) host.Signal(new TaskSucceeded(host.Invocations[i].InvocationId, 1));
        var nearEnd = host.Snapshot!.Serialize().Length;
        // The execution input and the Map state's input stay (for $$.Execution.Input and ResultPath); the pending items go as iterations start.
        nearEnd.ShouldBeLessThan(atStart - (input.Length * 8 / 10));
        nearEnd.ShouldBeLessThan((input.Length * 2) + 20_000);
        host.Snapshot.Frames.Count.ShouldBe(6);
    }
}
