namespace EcoBid.Events.Tests.Patterns;

/// <summary>Value types and equality: numbers, strings, booleans, null, unicode, case.</summary>
public sealed class ValueCases : MatchCases
{
    public ValueCases()
    {
        Numbers();
        Strings();
        BooleansAndNull();
    }

    private void Numbers()
    {
        Match("5 matches 5.0", """{"n": 5}""", """{"n": [5.0]}""");
        Match("5.0 matches 5", """{"n": 5.0}""", """{"n": [5]}""");
        Match("5 matches 5e0", """{"n": 5}""", """{"n": [5e0]}""");
        Match("100 matches 1E2", """{"n": 100}""", """{"n": [1E2]}""");
        Match("0.1 matches 1e-1", """{"n": 0.1}""", """{"n": [1e-1]}""");
        Match("-0 matches 0", """{"n": -0}""", """{"n": [0]}""");
        Match("0.000 matches 0", """{"n": 0.000}""", """{"n": [0]}""");
        NoMatch("-5 does not match 5", """{"n": -5}""", """{"n": [5]}""");
        NoMatch("number does not match string", """{"n": 5}""", """{"n": ["5"]}""");
        NoMatch("string does not match number", """{"n": "5"}""", """{"n": [5]}""");
        Match("decimal value", "order", """{"detail": {"total": [149.9]}}""");
        Match("decimal with trailing zeros", "order", """{"detail": {"total": [149.90000]}}""");
        Match("decimal in exponent form", "order", """{"detail": {"total": [1.499e2]}}""");
        Match("numeric equals on decimal", "order", """{"detail": {"total": [{"numeric": ["=", 149.9]}]}}""");
        Match("big integers compare exactly", """{"n": 12345678901234567890}""", """{"n": [12345678901234567890]}""");
        NoMatch("big integers differing in the last digit", """{"n": 12345678901234567890}""", """{"n": [12345678901234567891]}""");
        Match("long decimals in two notations", """{"n": 0.1000000000000000000000000000001}""", """{"n": [1.000000000000000000000000000001e-1]}""");
        Match("numbers are compared to six decimal places", """{"n": 0.1000000000000000000000000000001}""", """{"n": [0.1]}""");
        Match("a difference in the seventh decimal place is ignored", """{"n": 5.0000001}""", """{"n": [5]}""");
        NoMatch("a difference in the sixth decimal place counts", """{"n": 0.000001}""", """{"n": [0.000002]}""");
        Match("numbers beyond the numeric range match by identical text", """{"n": 1e400}""", """{"n": [1e400]}""");
        NoMatch("numbers beyond the numeric range in another notation", """{"n": 1e400}""", """{"n": [10e399]}""");
        NoMatch("big integer in another notation", """{"n": 12345678901234567890}""", """{"n": [1.2345678901234567890e19]}""");
        Match("ten billion by identical text", """{"n": 10000000000}""", """{"n": [10000000000]}""");
        NoMatch("ten billion in another notation", """{"n": 10000000000}""", """{"n": [1e10]}""");
        Match("five billion in another notation", """{"n": 5000000000}""", """{"n": [5e9]}""");
        NoMatch("number beyond double range is not numeric-comparable", """{"n": 1e400}""", """{"n": [{"numeric": [">", 0]}]}""");
        NoMatch("numeric does not match event values beyond five billion", """{"n": 9000000000}""", """{"n": [{"numeric": [">", 5e9]}]}""");
        Match("numeric at five billion", """{"n": 5000000000}""", """{"n": [{"numeric": [">=", 5e9]}]}""");
        NoMatch("numeric below the sixth decimal place is zero", """{"n": 0.0000001}""", """{"n": [{"numeric": [">", 0]}]}""");
        Match("numeric at the sixth decimal place", """{"n": 0.000002}""", """{"n": [{"numeric": [">", 0.000001]}]}""");
        Match("numeric at the pattern limit", """{"n": -5000000000}""", """{"n": [{"numeric": ["<=", -5.0e9]}]}""");
        NoMatch("numeric does not match a numeric string", """{"n": "5"}""", """{"n": [{"numeric": [">", 0]}]}""");
        NoMatch("numeric does not match true", """{"n": true}""", """{"n": [{"numeric": [">", 0]}]}""");
        NoMatch("numeric does not match null", """{"n": null}""", """{"n": [{"numeric": [">", 0]}]}""");
        Match("numeric on any array element", """{"n": [1, 20]}""", """{"n": [{"numeric": ["<", 10]}]}""");
        Match("numeric negative range", """{"n": -2.5}""", """{"n": [{"numeric": [">", -3, "<", -2]}]}""");
        Match("numeric alternatives in one array", """{"n": 50}""", """{"n": [{"numeric": ["<", 10]}, {"numeric": [">", 40]}]}""");
        Match("exact number and string alternatives", "ec2", """{"detail": {"c-count": ["five", 5]}}""");
    }

    private void Strings()
    {
        Match("unicode exact", "order", """{"detail": {"seller": {"name": ["Zoë Grün"]}}}""");
        Match("unicode ignoring case", "order", """{"detail": {"seller": {"name": [{"equals-ignore-case": "ZOË GRÜN"}]}}}""");
        Match("unicode prefix", "order", """{"detail": {"seller": {"city": [{"prefix": "Kö"}]}}}""");
        Match("ignoring case: a letter matches its lower and upper case", """{"s": "σ"}""", """{"s": [{"equals-ignore-case": "Σ"}]}""");
        NoMatch("ignoring case: final sigma is neither case of capital sigma", """{"s": "ς"}""", """{"s": [{"equals-ignore-case": "Σ"}]}""");
        NoMatch("ignoring case: dotless i is neither case of I", """{"s": "ı"}""", """{"s": [{"equals-ignore-case": "I"}]}""");
        Match("ignoring case: the Kelvin sign's lower case is k", """{"s": "k"}""", """{"s": [{"equals-ignore-case": "K"}]}""");
        NoMatch("ignoring case: k's cases do not include the Kelvin sign", """{"s": "K"}""", """{"s": [{"equals-ignore-case": "k"}]}""");
        Match("ignoring case beyond the basic plane", """{"s": "x𐐨"}""", """{"s": [{"equals-ignore-case": "X𐐀"}]}""");
        Match("prefix ignoring case, unicode", """{"s": "ÉCOLE du quartier"}""", """{"s": [{"prefix": {"equals-ignore-case": "école"}}]}""");
        NoMatch("prefix ignoring case longer than the value", """{"s": "éc"}""", """{"s": [{"prefix": {"equals-ignore-case": "école"}}]}""");
        Match("suffix ignoring case beyond the basic plane", """{"s": "name 𐐨𐐩"}""", """{"s": [{"suffix": {"equals-ignore-case": "𐐀𐐁"}}]}""");
        NoMatch("suffix ignoring case, final sigma", """{"s": "ΟΔΟς"}""", """{"s": [{"suffix": {"equals-ignore-case": "οσ"}}]}""");
        NoMatch("anything-but ignoring case excludes the cases of each letter", """{"s": "RUNNING"}""", """{"s": [{"anything-but": {"equals-ignore-case": ["stopped", "running"]}}]}""");
        Match("anything-but ignoring case keeps other letters", """{"s": "ı"}""", """{"s": [{"anything-but": {"equals-ignore-case": "I"}}]}""");
        NoMatch("unicode is not normalized", """{"s": "Ko\u0308ln"}""", """{"s": ["Köln"]}""");
        Match("escaped event string", """{"s": "caf\u00e9"}""", """{"s": ["café"]}""");
        Match("escaped quote in event and pattern", """{"s": "a\"b"}""", """{"s": ["a\"b"]}""");
        Match("escaped prefix", """{"s": "\u0041BC"}""", """{"s": [{"prefix": "AB"}]}""");
        Match("emoji", """{"s": "eco 🌱 bid"}""", """{"s": [{"suffix": "🌱 bid"}]}""");
        Match("long string prefix", "{\"s\": \"" + new string('x', 300) + "end\"}", """{"s": [{"prefix": "xxxx"}]}""");
        Match("long string suffix", "{\"s\": \"" + new string('x', 300) + "end\"}", """{"s": [{"suffix": "xend"}]}""");
        Match("empty string matches empty string", """{"s": ""}""", """{"s": [""]}""");
        NoMatch("empty string does not match a value", """{"s": "x"}""", """{"s": [""]}""");
        Match("empty prefix matches the empty string", "order", """{"detail": {"notes": [{"prefix": ""}]}}""");
        NoMatch("prefix does not match numbers", """{"n": 123}""", """{"n": [{"prefix": "1"}]}""");
        NoMatch("prefix does not match null", "order", """{"detail": {"coupon": [{"prefix": ""}]}}""");
        NoMatch("suffix does not match booleans", """{"b": true}""", """{"b": [{"suffix": "e"}]}""");
        NoMatch("equals-ignore-case does not match numbers", """{"n": 5}""", """{"n": [{"equals-ignore-case": "5"}]}""");
        Match("equals-ignore-case alternatives", """{"s": "Blue"}""", """{"s": [{"equals-ignore-case": "red"}, {"equals-ignore-case": "BLUE"}]}""");
        Match("source ignoring case", "order", """{"source": [{"equals-ignore-case": "EcoBid.Orders"}]}""");
        NoMatch("field names are not case folded", """{"Detail": {"x": 1}}""", """{"detail": {"x": [1]}}""");
        Match("field names with dots are not paths", """{"a.b": 1}""", """{"a.b": [1]}""");
        Match("dotted pattern key addresses nested fields", """{"a": {"b": 1}}""", """{"a.b": [1]}""");
        Match("dotted event key is addressed by nested pattern fields", """{"a.b": 1}""", """{"a": {"b": [1]}}""");
        Match("dots split anywhere on both sides", """{"detail": {"a.b": {"c": "x"}}}""", """{"detail.a": {"b.c": ["x"]}}""");
        Match("dotted and nested event keys combine", """{"a": {"b": 1}, "a.c": 2}""", """{"a": {"b": [1], "c": [2]}}""");
        NoMatch("dotted pattern key with another value", """{"a": {"b": 1}}""", """{"a.b": [2]}""");
        NoMatch("keys are joined only at dots", """{"ab": 1}""", """{"a": {"b": [1]}}""");
        NoMatch("exists false sees dotted event keys", """{"a.b": 1}""", """{"a": {"b": [{"exists": false}]}}""");
        Match("dotted pattern key on the documentation event", "ec2", """{"detail.state": ["running"]}""");
        Match("dotted key through an array", """{"a": [{"b.c": 1}]}""", """{"a.b": {"c": [1]}}""");
        Match("dotted and nested pattern keys on one path must both hold", """{"a": {"b": 1}}""", """{"a.b": [1], "a": {"b": [{"numeric": [">", 0]}]}}""");
        NoMatch("dotted and nested pattern keys on one path, one fails", """{"a": {"b": 1}}""", """{"a.b": [1], "a": {"b": [2]}}""");
        Match("empty key names", """{"a": {"": 1}}""", """{"a": {"": [1]}}""");
        Match("escaped event key names", """{"\u0061": {"b": 1}}""", """{"a.b": [1]}""");
        Match("unicode field names", """{"größe": "XL"}""", """{"größe": ["XL"]}""");
        Match("field named $or in the event is an ordinary field", """{"$or": 1, "x": 2}""", """{"x": [2]}""");
    }

    private void BooleansAndNull()
    {
        Match("true", "order", """{"detail": {"buyer": {"verified": [true]}}}""");
        NoMatch("true does not match false", "order", """{"detail": {"buyer": {"verified": [false]}}}""");
        NoMatch("true does not match the string true", "order", """{"detail": {"buyer": {"verified": ["true"]}}}""");
        Match("false", """{"b": false}""", """{"b": [false]}""");
        NoMatch("false does not match null", """{"b": false}""", """{"b": [null]}""");
        NoMatch("null does not match false", """{"b": null}""", """{"b": [false]}""");
        Match("null value", "order", """{"detail": {"coupon": [null]}}""");
        NoMatch("null does not match the string null", """{"b": null}""", """{"b": ["null"]}""");
        NoMatch("null does not match 0", """{"b": null}""", """{"b": [0]}""");
        Match("empty string value", "order", """{"detail": {"notes": [""]}}""");
        NoMatch("empty string is not null", "order", """{"detail": {"notes": [null]}}""");
    }
}
