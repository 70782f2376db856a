using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.Intrinsics;

/// <summary>The examples of the Step Functions developer guide's "Intrinsic functions" page, and their edges.</summary>
public class IntrinsicFunctionTests
{
    [Theory]
    [InlineData("States.Format('Hello, my name is {}.', $.name)", """{"name":"Arnav"}""", "\"Hello, my name is Arnav.\"")]
    [InlineData("States.Format('{} is {} years old and {}', $.name, $.age, $.ok)", """{"name":"Ann","age":30,"ok":true}""", "\"Ann is 30 years old and true\"")]
    [InlineData(@"States.Format('Escaped \{\} and \'quotes\' and \\ {}', $.x)", """{"x":"!"}""", @"""Escaped {} and 'quotes' and \\ !""")]
    [InlineData("States.StringToJson($.someString)", """{"someString":"{\"number\": 20}"}""", """{"number":20}""")]
    [InlineData("States.JsonToString($.someJson)", """{"someJson":{"name":"Foo","year":2020}}""", "\"{\\\"name\\\":\\\"Foo\\\",\\\"year\\\":2020}\"")]
    [InlineData("States.Array('Foo', 2020, $.someJson, null)", """{"someJson":{"random":"abcdefghijklmnopqrstuvwxyz"}}""", """["Foo",2020,{"random":"abcdefghijklmnopqrstuvwxyz"},null]""")]
    [InlineData("States.ArrayPartition($.inputArray, 4)", """{"inputArray":[1,2,3,4,5,6,7,8,9]}""", "[[1,2,3,4],[5,6,7,8],[9]]")]
    [InlineData("States.ArrayContains($.inputArray, $.lookingFor)", """{"inputArray":[1,2,3,4,5,6,7,8,9],"lookingFor":5}""", "true")]
    [InlineData("States.ArrayContains($.inputArray, 10)", """{"inputArray":[1,2,3]}""", "false")]
    [InlineData("States.ArrayRange(1, 9, 2)", "{}", "[1,3,5,7,9]")]
    [InlineData("States.ArrayRange(10, 1, -3)", "{}", "[10,7,4,1]")]
    [InlineData("States.ArrayGetItem($.inputArray, $.index)", """{"inputArray":[1,2,3,4,5,6,7,8,9],"index":5}""", "6")]
    [InlineData("States.ArrayLength($.inputArray)", """{"inputArray":[1,2,3,4,5,6,7,8,9]}""", "9")]
    [InlineData("States.ArrayUnique($.inputArray)", """{"inputArray":[1,2,3,3,3,3,3,3,4]}""", "[1,2,3,4]")]
    [InlineData("States.Base64Encode($.input)", """{"input":"Data to encode"}""", "\"RGF0YSB0byBlbmNvZGU=\"")]
    [InlineData("States.Base64Decode($.base64)", """{"base64":"RGF0YSB0byBlbmNvZGU="}""", "\"Data to encode\"")]
    [InlineData("States.Hash($.Data, $.Algorithm)", """{"Data":"input data","Algorithm":"SHA-1"}""", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"")]
    [InlineData("States.Hash($.Data, 'MD5')", """{"Data":"input data"}""", "\"812f45842bc6d66ee14572ce20db8e86\"")]
    [InlineData("States.Hash($.Data, 'SHA-256')", """{"Data":"input data"}""", "\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\"")]
    [InlineData("States.JsonMerge($.json1, $.json2, false)", """{"json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3}}""", """{"a":{"a3":1,"a4":2},"b":2,"c":3}""")]
    [InlineData("States.MathAdd($.value1, $.step)", """{"value1":111,"step":-1}""", "110")]
    [InlineData("States.StringSplit($.inputString, $.splitter)", """{"inputString":"1,2,3,4,5","splitter":","}""", """["1","2","3","4","5"]""")]
    [InlineData("States.StringSplit($.inputString, $.splitter)", """{"inputString":"This.is+a,test=string","splitter":".+,="}""", """["This","is","a","test","string"]""")]
    [InlineData("States.ArrayLength(States.Array(1, 2, States.Array(3)))", "{}", "3")]
    [InlineData("States.Format('{}', $$.Execution.Name)", "{}", "\"run-1\"")]
    public void Evaluates_as_documented(string expression, string input, string expected)
    {
        var advance = new Host(Machines.PassParameter(expression)).Run(input);
        advance.Status.ShouldBe(ExecutionStatus.Succeeded, advance.Cause);
        advance.Output.ShouldBeJson(expected);
    }

    [Theory]
    [InlineData("States.ArrayGetItem($.a, 5)", """{"a":[1]}""")]
    [InlineData("States.ArrayPartition($.a, 0)", """{"a":[1]}""")]
    [InlineData("States.ArrayRange(1, 2000, 1)", "{}")]
    [InlineData("States.ArrayRange(1, 5, 0)", "{}")]
    [InlineData("States.StringToJson($.s)", """{"s":"{not json"}""")]
    [InlineData("States.Hash($.s, 'SHA-999')", """{"s":"x"}""")]
    [InlineData("States.JsonMerge($.a, $.b, true)", """{"a":{},"b":{}}""")]
    [InlineData("States.Format('{} {}', $.a)", """{"a":1}""")]
    [InlineData("States.Base64Decode($.s)", """{"s":"***"}""")]
    [InlineData("States.MathRandom(5, 1)", "{}")]
    public void Fails_with_States_IntrinsicFailure(string expression, string input)
    {
        var advance = new Host(Machines.PassParameter(expression)).Run(input);
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe(StatesErrors.IntrinsicFailure);
    }

    [Fact]
    public void A_missing_path_argument_is_a_runtime_error()
    {
        var advance = new Host(Machines.PassParameter("States.ArrayLength($.missing)")).Run("{}");
        advance.Error.ShouldBe(StatesErrors.Runtime);
        advance.Cause!.ShouldStartWith("An error occurred while executing the state 'P' (entered at the event id #2).");
    }

    [Fact]
    public void Random_values_are_in_range_and_uuids_are_version_4()
    {
        var random = new Host(Machines.PassParameter("States.MathRandom(1, 3)")).Run("{}");
        random.Output!.GetValue<long>().ShouldBeInRange(1, 2);
        var uuid = new Host(Machines.PassParameter("States.UUID()")).Run("{}").Output!.GetValue<string>();
        Guid.TryParse(uuid, out _).ShouldBeTrue();
        uuid[14].ShouldBe('4');
        var seeded1 = new Host(Machines.PassParameter("States.MathRandom(0, 1000000, 7)")).Run("{}").Output!.ToJsonString();
        var seeded2 = new Host(Machines.PassParameter("States.MathRandom(0, 1000000, 7)")).Run("{}").Output!.ToJsonString();
        seeded1.ShouldBe(seeded2);
    }
}
