using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

public class FailSucceedTests
{
    [Theory]
    [InlineData("""{"Type":"Fail","Error":"ErrorA","Cause":"Kaiju attack"}""", "{}", "ErrorA", "Kaiju attack")]
    [InlineData("""{"Type":"Fail","ErrorPath":"$.e","CausePath":"$.c"}""", """{"e":"Dynamic","c":"from input"}""", "Dynamic", "from input")]
    [InlineData("""{"Type":"Fail","ErrorPath":"$$.State.Name","CausePath":"States.Format('item {} failed', $.id)"}""", """{"id":7}""", "S", "item 7 failed")]
    [InlineData("""{"Type":"Fail"}""", "{}", null, null)]
    public void Fail_ends_the_execution_with_its_error_and_cause(string state, string input, string? error, string? cause)
    {
        var advance = Machines.RunSingle(state, input);
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe(error);
        advance.Cause.ShouldBe(cause);
    }

    [Fact]
    public void An_ErrorPath_to_a_non_string_is_a_runtime_error() =>
        Machines.RunSingle("""{"Type":"Fail","ErrorPath":"$.e"}""", """{"e":1}""").Error.ShouldBe(StatesErrors.Runtime);

    [Fact]
    public void Succeed_applies_InputPath_and_OutputPath()
    {
        var advance = Machines.RunSingle("""{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}""", """{"a":{"b":[1]}}""");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        advance.Output.ShouldBeJson("[1]");
    }

    [Fact]
    public void Variables_over_256_KiB_fail_with_DataLimitExceeded()
    {
        var big = new string('x', 200 * 1024);
        var advance = new Host("""{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"a.$":"$.big","b.$":"$.big"},"End":true}}}""")
            .Run($$"""{"big":"{{big}}"}""");
        advance.Error.ShouldBe(StatesErrors.DataLimitExceeded);
    }
}
