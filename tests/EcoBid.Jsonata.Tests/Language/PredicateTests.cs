using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class PredicateTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "Phone[0]", """{"type":"home","number":"0203 544 1234"}""" },
        { "address", "Phone[1].number", "\"01962 001234\"" },
        { "address", "Phone[-1].type", "\"mobile\"" },
        { "address", "Phone[-2].number", "\"01962 001235\"" },
        { "address", "Phone[8]", null },
        { "address", "Phone[0.9].type", "\"home\"" },
        { "address", "Phone.number[0]", """["0203 544 1234","01962 001234","01962 001235","077 7700 1234"]""" },
        { "address", "(Phone.number)[0]", "\"0203 544 1234\"" },
        { "address", "Phone[[0..1]].type", """["home","office"]""" },
        { "address", "Phone[[0, 3]].type", """["home","mobile"]""" },
        { "address", "Phone[type='mobile'].number", "\"077 7700 1234\"" },
        { "address", "Phone[type='office'].number", """["01962 001234","01962 001235"]""" },
        { "address", "Phone[type='mobile'].number[]", """["077 7700 1234"]""" },
        { "address", "Phone[type='fax']", null },
        { "address", "Phone[type in ['home', 'mobile']].type", """["home","mobile"]""" },
        { "address", "Phone[$contains(number, '1235')].type", "\"office\"" },
        { "address", "Email[type='home'].address[1]", "\"frederic.smith@very-serious.com\"" },
        { "address", "Phone[type='office'][1].number", "\"01962 001235\"" },
        { "invoice", "Account.Order.Product[Price > 30].Name", """["Bowler Hat","Bowler Hat","Cloak"]""" },
        { "invoice", "Account.Order[OrderID='order104'].Product.Name", """["Bowler Hat","Cloak"]""" },
        { "invoice", "Account.Order.Product[Quantity > 1 and Price < 40].ID", "[858383,858383]" },
        { "[5,1,4,2]", "$[$ > 2]", "[5,4]" },
        { "[5,1,4,2]", "$[true]", "[5,1,4,2]" },
        { "[5,1,4,2]", "$[false]", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filters_and_indexes(string document, string expression, string? expected) => Check(document, expression, expected);
}
