using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class OperatorTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "1 + 2 * 3", "7" },
        { "address", "(1 + 2) * 3", "9" },
        { "address", "10 / 4", "2.5" },
        { "address", "7 % 3", "1" },
        { "address", "-Age", "-28" },
        { "address", "Age - 8", "20" },
        { "address", "Nothing + 1", null },
        { "address", "\"a\" & 1 & true & null", "\"a1truenull\"" },
        { "address", "FirstName & Nothing", "\"Fred\"" },
        { "address", "1 = 1.0", "true" },
        { "address", "\"1\" = 1", "false" },
        { "address", "1 != 2", "true" },
        { "address", "\"abc\" < \"abd\"", "true" },
        { "address", "Age >= 28", "true" },
        { "address", "Age > 28", "false" },
        { "address", "3 in [1,2,3]", "true" },
        { "address", "\"x\" in [\"a\"]", "false" },
        { "address", "\"home\" in Phone.type", "true" },
        { "address", "true and false", "false" },
        { "address", "true or false", "true" },
        { "address", "Nothing and true", "false" },
        { "address", "Age > 18 ? 'adult' : 'minor'", "\"adult\"" },
        { "address", "Age < 18 ? 'minor'", null },
        { "address", "Other.Misc ?? 'default'", "null" },
        { "address", "Other.Nothing ?? 'default'", "\"default\"" },
        { "address", "'' ?: 'default'", "\"default\"" },
        { "address", "Surname ?: 'default'", "\"Smith\"" },
        { "address", "($x := 5; $y := $x * 2; $x + $y)", "15" },
        { "address", "($x := 1; ($x := 2); $x)", "1" },
        { "address", "(1; 2; 3)", "3" },
        { "address", "0.1 + 0.2", "0.30000000000000004" },
        { "address", "9007199254740993", "9007199254740992" },
        { "address", "1e3", "1000" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Applies_operators(string document, string expression, string? expected) => Check(document, expression, expected);
}
