using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class ArrayAndObjectFunctionTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "$count([1, 2, 3, 1])", "4" },
        { "address", "$count(Nothing)", "0" },
        { "address", "$count('single')", "1" },
        { "address", "$append([1, 2, 3], [4, 5, 6])", "[1,2,3,4,5,6]" },
        { "address", "$append(1, 2)", "[1,2]" },
        { "address", "$append([1], Nothing)", "[1]" },
        { "address", "$sort([5, 1, 3])", "[1,3,5]" },
        { "address", "$sort(['b', 'a', 'C'])", """["C","a","b"]""" },
        { "address", "$sort(Phone, function($l, $r){ $l.number > $r.number }).type", """["office","office","home","mobile"]""" },
        { "address", "$reverse([1, 2, 3])", "[3,2,1]" },
        { "address", "$count($shuffle([1..20]))", "20" },
        { "address", "$sort($shuffle([1..20]))", "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]" },
        { "address", "$distinct([1, 2, 3, 3, 4, 3, 5])", "[1,2,3,4,5]" },
        { "address", "$distinct(Phone.type)", """["home","office","mobile"]""" },
        { "address", "$zip([1, 2, 3], [4, 5, 6])", "[[1,4],[2,5],[3,6]]" },
        { "address", "$zip([1, 2, 3], [4, 5], [7, 8, 9])", "[[1,4,7],[2,5,8]]" },
        { "address", "$keys(Address)", """["Street","City","Postcode"]""" },
        { "address", "$keys(Phone)", """["type","number"]""" },
        { "address", "$lookup(Address, 'City')", "\"Winchester\"" },
        { "address", "$lookup(Phone, 'type')", """["home","office","office","mobile"]""" },
        { "address", "$spread({'a': 1, 'b': 2})", """[{"a":1},{"b":2}]""" },
        { "address", "$merge([{'a': 1}, {'b': 2}, {'a': 3}])", """{"a":3,"b":2}""" },
        { "address", "$each(Address, function($v, $k){ $k & ': ' & $v })", """["Street: Hursley Park","City: Winchester","Postcode: SO21 2JN"]""" },
        { "address", "$sift({'a': 1, 'b': 2, 'c': 3}, function($v){ $v > 1 })", """{"b":2,"c":3}""" },
        { "address", "$sift(Address, function($v, $k){ $contains($k, 'o') })", """{"Postcode":"SO21 2JN"}""" },
        { "address", "$type(null)", "\"null\"" },
        { "address", "$type(1)", "\"number\"" },
        { "address", "$type('a')", "\"string\"" },
        { "address", "$type([])", "\"array\"" },
        { "address", "$type({})", "\"object\"" },
        { "address", "$type(true)", "\"boolean\"" },
        { "address", "$type(function(){1})", "\"function\"" },
        { "address", "$type(Nothing)", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Array_and_object_functions(string document, string expression, string? expected) => Check(document, expression, expected);
}
