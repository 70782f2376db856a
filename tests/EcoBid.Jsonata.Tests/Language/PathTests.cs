using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class PathTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "Surname", "\"Smith\"" },
        { "address", "Age", "28" },
        { "address", "Address.City", "\"Winchester\"" },
        { "address", "$.Address.City", "\"Winchester\"" },
        { "address", "Other.Misc", "null" },
        { "address", "Other.Nothing", null },
        { "address", "Nothing.At.All", null },
        { "address", "Other.`Over 18 ?`", "true" },
        { "address", "Other.`Alternative.Address`.City", "\"London\"" },
        { "address", "Phone.number", """["0203 544 1234","01962 001234","01962 001235","077 7700 1234"]""" },
        { "address", "Email.address", """["fred.smith@my-work.com","fsmith@my-work.com","freddy@my-social.com","frederic.smith@very-serious.com"]""" },
        { "address", "Address.*", """["Hursley Park","Winchester","SO21 2JN"]""" },
        { "address", "*.Postcode", "\"SO21 2JN\"" },
        { "address", "**.Postcode", """["SO21 2JN","E1 6RF"]""" },
        { "address", "**.City", """["Winchester","London"]""" },
        { "address", "Address.City[]", """["Winchester"]""" },
        { "address", "[Address, Other.`Alternative.Address`].City", """["Winchester","London"]""" },
        { "address", "$count(Phone)", "4" },
        { """[{"a":1},{"a":2},{"b":3}]""", "a", "[1,2]" },
        { """[{"a":1},{"a":2},{"b":3}]""", "$[1].a", "2" },
        { """[{"a":[1,2]},{"a":[3]}]""", "a", "[1,2,3]" },
        { """{"a":[[1,2],[3]]}""", "a", "[[1,2],[3]]" },
        { """[1,2,3]""", "$", "[1,2,3]" },
        { """[1,2,3]""", "$[0]", "1" },
        { "\"hello\"", "$", "\"hello\"" },
        { "null", "$", "null" },
        { "undefined", "$", null },
        { "undefined", "a.b", null },
        { "undefined", "42", "42" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Navigates_paths(string document, string expression, string? expected) => Check(document, expression, expected);
}
