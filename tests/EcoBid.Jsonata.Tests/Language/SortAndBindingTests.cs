using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

/// <summary>Sorting <c>^()</c>, the parent operator <c>%</c>, index binding <c>#</c> and context binding <c>@</c>.</summary>
public class SortAndBindingTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "Phone^(type).type", """["home","mobile","office","office"]""" },
        { "address", "Phone^(>type).type", """["office","office","mobile","home"]""" },
        { "address", "Phone^(type, >number).number", """["0203 544 1234","077 7700 1234","01962 001235","01962 001234"]""" },
        { "invoice", "Account.Order.Product^(Price).Name", """["Trilby hat","Bowler Hat","Bowler Hat","Cloak"]""" },
        { "invoice", "Account.Order.Product^(>(Price * Quantity)).Name", """["Bowler Hat","Cloak","Bowler Hat","Trilby hat"]""" },
        { "[3,1,2]", "$^($)", "[1,2,3]" },
        { "invoice", "Account.Order.Product.{'name': Name, 'order': %.OrderID}", """[{"name":"Bowler Hat","order":"order103"},{"name":"Trilby hat","order":"order103"},{"name":"Bowler Hat","order":"order104"},{"name":"Cloak","order":"order104"}]""" },
        { "invoice", "Account.Order.Product[Name='Cloak'].%.%.Name", "\"Firefly\"" },
        { "invoice", "Account.Order#$i.Product.{'order': $i, 'name': Name}", """[{"order":0,"name":"Bowler Hat"},{"order":0,"name":"Trilby hat"},{"order":1,"name":"Bowler Hat"},{"order":1,"name":"Cloak"}]""" },
        { "address", "Phone#$i[$i > 1].type", """["office","mobile"]""" },
        { "library", "library.books#$i.{'i': $i, 't': isbn}", """[{"i":0,"t":"0262510871"},{"i":1,"t":"0131103628"}]""" },
        {
            "library",
            "library.loans@$l.books@$b[$l.isbn=$b.isbn].{'title': $b.title, 'customer': $l.customer}",
            """[{"title":"The C Programming Language","customer":"10001"},{"title":"Structure and Interpretation","customer":"10003"},{"title":"The C Programming Language","customer":"10002"}]"""
        },
        { "library", "$sum(library.loans@$l.books@$b[$l.isbn=$b.isbn].$b.price)", "135.5" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sorts_and_binds(string document, string expression, string? expected) => Check(document, expression, expected);
}
