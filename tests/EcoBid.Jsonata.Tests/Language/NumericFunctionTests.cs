using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class NumericFunctionTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "$number('5')", "5" },
        { "address", "$number('-0.5e2')", "-50" },
        { "address", "$number(true)", "1" },
        { "address", "$number('0x12')", "18" },
        { "address", "$abs(-5)", "5" },
        { "address", "$floor(5.3)", "5" },
        { "address", "$floor(-5.3)", "-6" },
        { "address", "$ceil(5.3)", "6" },
        { "address", "$round(123.456, 2)", "123.46" },
        { "address", "$round(123.456, -1)", "120" },
        { "address", "$round(11.5)", "12" },
        { "address", "$round(12.5)", "12" },
        { "address", "$round(-12.5)", "-12" },
        { "address", "$power(2, 8)", "256" },
        { "address", "$power(2, -1)", "0.5" },
        { "address", "$sqrt(16)", "4" },
        { "address", "$formatNumber(12345.6, '#,###.00')", "\"12,345.60\"" },
        { "address", "$formatNumber(1234.5678, '00.000e0')", "\"12.346e2\"" },
        { "address", "$formatNumber(34.555, '#0.00;(#0.00)')", "\"34.56\"" },
        { "address", "$formatNumber(-34.555, '#0.00;(#0.00)')", "\"(34.56)\"" },
        { "address", "$formatNumber(0.14, '01%')", "\"14%\"" },
        { "address", "$formatNumber(1234.5678, '#.##0,00', {'decimal-separator': ',', 'grouping-separator': '.'})", "\"1.234,57\"" },
        { "address", "$formatBase(100, 2)", "\"1100100\"" },
        { "address", "$formatBase(2555, 16)", "\"9fb\"" },
        { "address", "$formatInteger(2789, 'w')", "\"two thousand, seven hundred and eighty-nine\"" },
        { "address", "$formatInteger(1999, 'I')", "\"MCMXCIX\"" },
        { "address", "$formatInteger(7, '001')", "\"007\"" },
        { "address", "$parseInteger('twelve thousand, four hundred and seventy-six', 'w')", "12476" },
        { "address", "$parseInteger('12,345,678', '#,##0')", "12345678" },
        { "address", "$parseInteger('MCMXCIX', 'I')", "1999" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Numeric_functions(string document, string expression, string? expected) => Check(document, expression, expected);
}
