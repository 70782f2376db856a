using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

/// <summary>Errors keep JSONata's code, the position (offset just past the offending token) and the token.</summary>
[Collection(JsonataCollection.Name)]
public class ErrorCodeTests(JsonataFixture fixture)
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // syntax (thrown by Validate as well as by Evaluate)
        { "foo(", "S0203", "Expected \")\" before end of expression" },
        { "\"abc", "S0101", "String literal must be terminated by a matching quote" },
        { "1 +", "S0207", "Unexpected end of expression" },
        { "[1, 2", "S0203", "Expected \"]\" before end of expression" },
        { "$x := ", "S0207", "Unexpected end of expression" },
        { "1 := 2", "S0212", "The left side of := must be a variable name (start with $)" },
        { "/[/", "S0302", "No terminating / in regular expression" },

        // type
        { "1 + 'a'", "T2002", "The right side of the \"+\" operator must evaluate to a number" },
        { "'a' - 1", "T2001", "The left side of the \"-\" operator must evaluate to a number" },
        { "$uppercase(1)", "T0410", "Argument 1 of function \"uppercase\" does not match function signature" },
        { "$sum('a')", "T0412", "Argument 1 of function \"sum\" must be an array of" },
        { "$nothing()", "T1006", "Attempted to invoke a non-function" },
        { "[1..'a']", "T2004", "The right side of the range operator (..) must evaluate to an integer" },
        { "{1: 'a'}", "T1003", "Key in object structure must evaluate to a string; got: 1" },
        { "'a' < 1", "T2009", "" },

        // evaluation
        { "$number('abc')", "D3030", "Unable to cast value to a number: \"abc\"" },
        { "[1..100000000]", "D2014", "The size of the sequence allocated by the range operator (..) must not exceed 1e7." },
        { "{'a': 1, 'a': 2}", "D1009", "Multiple key definitions evaluate to same key: \"a\"" },
        { "$error('custom failure')", "D3137", "custom failure" },
        { "$assert(1 = 2, 'not equal')", "D3141", "not equal" },
        { "$single([1, 2, 3], function($v){ $v > 1 })", "D3138", "" },
        { "$single([1, 2, 3], function($v){ $v > 5 })", "D3139", "" },
        { "(1 / 0) + 1", "D1001", "Number out of range" },
        { "$string(1 / 0)", "D3001", "Attempting to invoke string function on Infinity or NaN" },
        { "$power(10, 1000)", "D3061", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_code_and_message(string expression, string code, string messageStart)
    {
        var ex = Should.Throw<JsonataException>(() => fixture.Engine.Evaluate(expression, SampleDocuments.Get("address")));
        ex.Code.ShouldBe(code, expression);
        ex.Message.ShouldStartWith(messageStart, Case.Sensitive, expression);
    }

    [Theory]
    [InlineData("1 + 'a'", 3, "+")]
    [InlineData("Age + Surname", 5, "+")]
    [InlineData("foo(", 4, "(end)")]
    [InlineData("$sum('a')", 5, "sum")]
    [InlineData("  $nothing()", 11, "nothing")]
    public void Reports_position_and_token(string expression, int position, string token)
    {
        var ex = Should.Throw<JsonataException>(() => fixture.Engine.Evaluate(expression, SampleDocuments.Get("address")));
        ex.Position.ShouldBe(position);
        ex.Token.ShouldBe(token);
    }

    [Fact]
    public void Validate_reports_syntax_errors_and_accepts_valid_expressions()
    {
        var ex = Should.Throw<JsonataException>(() => fixture.Engine.Validate("Account.(Order"));
        ex.Code.ShouldBe("S0203");
        ex.Position.ShouldBe(14);

        Should.NotThrow(() => fixture.Engine.Validate("Account.Order[0].Product.(Price * Quantity)"));

        // a type error only shows at evaluation
        Should.NotThrow(() => fixture.Engine.Validate("1 + 'a'"));
    }
}
