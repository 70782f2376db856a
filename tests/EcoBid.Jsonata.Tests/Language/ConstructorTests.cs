using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class ConstructorTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "{'name': FirstName, 'city': Address.City}", """{"name":"Fred","city":"Winchester"}""" },
        { "address", "{'missing': Nothing, 'age': Age}", """{"age":28}""" },
        { "address", "{}", "{}" },
        { "address", "[]", "[]" },
        { "address", "[Address.City, Nothing, 1, 'x']", """["Winchester",1,"x"]""" },
        { "address", "[Phone.type]", """["home","office","office","mobile"]""" },
        { "address", "[[1, 2], [3]]", "[[1,2],[3]]" },
        { "address", "[1..5]", "[1,2,3,4,5]" },
        { "address", "[1..3, 7, 9..10]", "[1,2,3,7,9,10]" },
        { "address", "[5..1]", "[]" },
        { "address", "$count([1..10000])", "10000" },
        { "address", "Phone.{type: number}", """[{"home":"0203 544 1234"},{"office":"01962 001234"},{"office":"01962 001235"},{"mobile":"077 7700 1234"}]""" },
        { "address", "Phone{type: number}", """{"home":"0203 544 1234","office":["01962 001234","01962 001235"],"mobile":"077 7700 1234"}""" },
        { "address", "Phone{type: number[]}", """{"home":["0203 544 1234"],"office":["01962 001234","01962 001235"],"mobile":["077 7700 1234"]}""" },
        { "address", "Phone{type: $count(number)}", """{"home":1,"office":2,"mobile":1}""" },
        { "invoice", "Account.Order.Product{Name: $sum(Quantity)}", """{"Bowler Hat":6,"Trilby hat":1,"Cloak":1}""" },
        { "invoice", "Account.Order.Product{Name: Price}", """{"Bowler Hat":[34.45,34.45],"Trilby hat":21.67,"Cloak":107.99}""" },
        { "invoice", "Account.Order{OrderID: $sum(Product.Quantity)}", """{"order103":3,"order104":5}""" },
        { "invoice", "Account.Order.{'id': OrderID, 'items': $count(Product)}", """[{"id":"order103","items":2},{"id":"order104","items":2}]""" },
        { "address", "\"Surname\" & ': ' & Surname", "\"Surname: Smith\"" },
        { "address", "{'nested': {'deeper': [Age, {'x': null}]}}", """{"nested":{"deeper":[28,{"x":null}]}}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Builds_arrays_objects_and_groups(string document, string expression, string? expected) => Check(document, expression, expected);
}
