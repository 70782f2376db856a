using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class AggregationAndBooleanTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "$sum([5, 1, 3, 7, 4])", "20" },
        { "address", "$max([5, 1, 3, 7, 4])", "7" },
        { "address", "$min([5, 1, 3, 7, 4])", "1" },
        { "address", "$average([5, 1, 3, 7, 4])", "4" },
        { "address", "$sum([])", "0" },
        { "address", "$max([])", null },
        { "address", "$sum(Nothing)", null },
        { "invoice", "$round($sum(Account.Order.Product.(Price * Quantity)), 2)", "336.36" },
        { "invoice", "$count(Account.Order.Product)", "4" },
        { "invoice", "$max(Account.Order.Product.Price)", "107.99" },
        { "address", "$boolean('')", "false" },
        { "address", "$boolean('0')", "true" },
        { "address", "$boolean(0)", "false" },
        { "address", "$boolean(-1)", "true" },
        { "address", "$boolean(null)", "false" },
        { "address", "$boolean([])", "false" },
        { "address", "$boolean([0, ''])", "false" },
        { "address", "$boolean([0, 1])", "true" },
        { "address", "$boolean({})", "false" },
        { "address", "$boolean({'a': 1})", "true" },
        { "address", "$boolean(function(){1})", "false" },
        { "address", "$not(true)", "false" },
        { "address", "$not('')", "true" },
        { "address", "$exists(Surname)", "true" },
        { "address", "$exists(Other.Misc)", "true" },
        { "address", "$exists(Nothing)", "false" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Aggregation_and_boolean_functions(string document, string expression, string? expected) => Check(document, expression, expected);
}
