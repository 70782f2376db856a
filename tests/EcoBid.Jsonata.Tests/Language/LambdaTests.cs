using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

/// <summary>Lambdas, closures, partial application, recursion and the <c>~&gt;</c> chaining operator.</summary>
public class LambdaTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "(function($x){ $x * $x })(7)", "49" },
        { "address", "($square := function($x){ $x * $x }; $square(Age))", "784" },
        { "address", "($add := function($x){ function($y){ $x + $y } }; $add(2)(3))", "5" },
        { "address", "($counter := function($start){ ($n := $start; function(){ $n + 1 }) }; $counter(41)())", "42" },
        { "address", "($add := function($a, $b){ $a + $b }; $inc := $add(?, 1); $inc(5))", "6" },
        { "address", "($first3 := $substring(?, 0, 3); $first3('Hello'))", "\"Hel\"" },
        { "address", "'hello' ~> $uppercase()", "\"HELLO\"" },
        { "address", "[1, 2, 3] ~> $map(function($v){ $v * 10 }) ~> $sum()", "60" },
        { "address", "Phone.type ~> $distinct() ~> $join('|')", "\"home|office|mobile\"" },
        { "address", "($f := $uppercase ~> $trim; $f('  ab  '))", "\"AB\"" },
        { "address", "($fact := function($n){ $n <= 1 ? 1 : $n * $fact($n - 1) }; $fact(10))", "3628800" },
        { "address", "($fib := function($n){ $n < 2 ? $n : $fib($n - 1) + $fib($n - 2) }; $fib(10))", "55" },
        { "address", "($loop := function($n, $acc){ $n = 0 ? $acc : $loop($n - 1, $acc + 1) }; $loop(500, 0))", "500" },
        { "address", "($typed := function($s)<s:s>{ $uppercase($s) }; $typed('ok'))", "\"OK\"" },
        // a closure sees its frame, not a copy: rebinding in that frame is visible to it
        { "address", "($x := 'outer'; $f := function(){ $x }; $x := 'changed'; $f())", "\"changed\"" },
        { "address", "($x := 'outer'; $f := function(){ $x }; ($x := 'inner'; $f()))", "\"outer\"" },
        { "address", "Phone[0].(function(){ type })()", "\"home\"" },
        { "address", "function($x){ $x }", "\"\"" },
        { "address", "{'f': function(){ 1 }, 'n': 1}", """{"f":"","n":1}""" },
        { "address", "[$uppercase, 1]", """["",1]""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lambdas_and_chaining(string document, string expression, string? expected) => Check(document, expression, expected);
}
