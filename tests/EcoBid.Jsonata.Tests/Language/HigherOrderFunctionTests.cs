using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class HigherOrderFunctionTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "$map([1, 2, 3], function($v){ $v * 2 })", "[2,4,6]" },
        { "address", "$map([1, 2, 3], function($v, $i){ $i })", "[0,1,2]" },
        { "address", "$map([1, 2, 3], function($v, $i, $a){ $count($a) })", "[3,3,3]" },
        { "address", "$map(Phone, function($p){ $uppercase($p.type) })", """["HOME","OFFICE","OFFICE","MOBILE"]""" },
        { "address", "$map([1, 2, 3], $string)", """["1","2","3"]""" },
        { "address", "$filter([1, 2, 3, 4], function($v){ $v % 2 = 0 })", "[2,4]" },
        { "address", "$filter(Phone, function($p, $i){ $i < 2 }).type", """["home","office"]""" },
        { "address", "$filter([1, 2], function($v){ $v > 5 })", null },
        { "address", "$single([1, 2, 3], function($v){ $v = 2 })", "2" },
        { "address", "$reduce([1, 2, 3, 4], function($a, $b){ $a + $b })", "10" },
        { "address", "$reduce([1, 2, 3], function($a, $b){ $a * $b }, 10)", "60" },
        { "address", "$reduce(Phone, function($acc, $p){ $acc & $substring($p.type, 0, 1) }, '')", "\"hoom\"" },
        { "address", "$sift(Address, function($v){ $length($v) > 8 })", """{"Street":"Hursley Park","City":"Winchester"}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Higher_order_functions(string document, string expression, string? expected) => Check(document, expression, expected);
}
