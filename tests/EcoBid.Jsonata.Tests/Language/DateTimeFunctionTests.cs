using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class DateTimeFunctionTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "undefined", "$fromMillis(1510067557121)", "\"2017-11-07T15:12:37.121Z\"" },
        { "undefined", "$fromMillis(1510067557121, '[M01]/[D01]/[Y0001] [h#1]:[m01][P]')", "\"11/07/2017 3:12pm\"" },
        { "undefined", "$fromMillis(1510067557121, '[H01]:[m01]:[s01] [z]', '-0500')", "\"10:12:37 GMT-05:00\"" },
        { "undefined", "$fromMillis(0, '[FNn], [D1o] [MNn] [Y]')", "\"Thursday, 1st January 1970\"" },
        { "undefined", "$fromMillis(1510067557121, '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01]', '+0130')", "\"2017-11-07T16:42:37.121+01:30\"" },
        { "undefined", "$toMillis('2017-11-07T15:07:54.972Z')", "1510067274972" },
        { "undefined", "$toMillis('1970-01-01T00:00:01+01:00')", "-3599000" },
        { "undefined", "$toMillis('13/09/2018', '[D]/[M]/[Y]')", "1536796800000" },
        { "undefined", "$toMillis('Wednesday, 14th November 2018', '[FNn], [D1o] [MNn] [Y]')", "1542153600000" },
        { "undefined", "$toMillis($fromMillis(1234567890123))", "1234567890123" },
        { "undefined", "$type($millis())", "\"number\"" },
        { "undefined", "$now() = $now()", "true" },
        { "undefined", "$toMillis($now()) = $millis()", "true" },
        { "undefined", "$now('[Y0001]') = $substring($now(), 0, 4)", "true" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Date_and_time_functions(string document, string expression, string? expected) => Check(document, expression, expected);
}
