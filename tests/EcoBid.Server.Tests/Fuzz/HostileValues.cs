using System.Text;

namespace EcoBid.Server.Tests.Fuzz;

/// <summary>One hostile value: what it is, and its bytes where it goes (JSON text in a body, percent-encoded text in a URL).</summary>
public sealed record Hostile(string Name, byte[] Bytes)
{
    public static Hostile Text(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    public string AsText => Encoding.UTF8.GetString(Bytes);

    public override string ToString() => Name;
}

/// <summary>The values the fuzzer sends: each is something a client may send by mistake or on purpose.</summary>
public static class HostileValues
{
    public const int MegabyteString = 1_000_000;

    /// <summary>JSON values that replace one field of a body built from the operation's schema.</summary>
    public static IReadOnlyList<Hostile> JsonFields { get; } =
    [
        Hostile.Text("NUL", "\"\\u0000\""),
        Hostile.Text("NUL inside", "\"oak\\u0000table\""),
        Hostile.Text("ESC sequence", "\"\\u001b[2J\""),
        Hostile.Text("DEL and C1 controls", "\"\\u007f\\u0085\\u009f\""),
        Hostile.Text("raw control character", "\"a\u0001b\""),
        Hostile.Text("lone high surrogate", "\"\\ud800\""),
        Hostile.Text("lone low surrogate", "\"x\\udc00\""),
        Hostile.Text("reversed surrogate pair", "\"\\udc00\\ud800\""),
        new("invalid UTF-8", [(byte)'"', 0xFF, 0xFE, (byte)'"']),
        new("overlong UTF-8", [(byte)'"', 0xC0, 0xAF, (byte)'"']),
        new("UTF-8 encoded surrogate", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']),
        Hostile.Text("1 MB string", "\"" + new string('a', MegabyteString) + "\""),
        Hostile.Text("right-to-left override", "\"\\u202egnp.exe\""),
        Hostile.Text("empty string", "\"\""),
        Hostile.Text("spaces", "\"   \""),
        Hostile.Text("SQL", "\"' OR 1=1; DROP TABLE items; --\""),
        Hostile.Text("FTS syntax", "\"\\\" OR * NEAR( title:\""),
        Hostile.Text("path traversal", "\"../../../etc/passwd\""),
        Hostile.Text("emoji", "\"\ud83d\ude00\ud83d\ude00\""),
        Hostile.Text("NaN", "NaN"),
        Hostile.Text("Infinity", "-Infinity"),
        Hostile.Text("1e308", "1e308"),
        Hostile.Text("-1e308", "-1e308"),
        Hostile.Text("1e309", "1e309"),
        Hostile.Text("1e-400", "1e-400"),
        Hostile.Text("-0", "-0"),
        Hostile.Text("-0.0", "-0.0"),
        Hostile.Text("-1", "-1"),
        Hostile.Text("0", "0"),
        Hostile.Text("1.5", "1.5"),
        Hostile.Text("int.MaxValue + 1", "2147483648"),
        Hostile.Text("long.MaxValue + 1", "9223372036854775808"),
        Hostile.Text("huge integer", "99999999999999999999999999999999999999"),
        Hostile.Text("true", "true"),
        Hostile.Text("null", "null"),
        Hostile.Text("empty array", "[]"),
        Hostile.Text("empty object", "{}"),
        Hostile.Text("number as text", "\"123\""),
        Hostile.Text("array of numbers", "[1,2,3]"),
        Hostile.Text("object", "{\"a\":1}"),
        Hostile.Text("array of 100,000", "[" + string.Join(',', Enumerable.Repeat("1", 100_000)) + "]"),
        Hostile.Text("10,000 nested arrays", new string('[', 10_000) + new string(']', 10_000)),
        Hostile.Text("10,000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        Hostile.Text("cursor-like garbage", "\"eyJ9\""),
    ];

    /// <summary>Whole bodies, sent in place of the one the operation expects.</summary>
    public static IReadOnlyList<Hostile> Bodies { get; } =
    [
        Hostile.Text("empty body", string.Empty),
        Hostile.Text("JSON null", "null"),
        Hostile.Text("JSON array", "[]"),
        Hostile.Text("JSON string", "\"x\""),
        Hostile.Text("JSON number", "42"),
        Hostile.Text("empty object", "{}"),
        Hostile.Text("truncated JSON", "{\"a\":"),
        Hostile.Text("not JSON", "title=Lamp&mode=free"),
        Hostile.Text("trailing garbage", "{} {}"),
        Hostile.Text("NaN field", "{\"x\": NaN}"),
        Hostile.Text("duplicate keys", "{\"name\":\"a\",\"name\":\"b\"}"),
        new("bytes that are not UTF-8", [0xFF, 0xFE, 0x00, 0x7B]),
        new("byte order mark", [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']),
        Hostile.Text("10,000 nested arrays", new string('[', 10_000) + new string(']', 10_000)),
        Hostile.Text("10,000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        Hostile.Text("1 MB string property", "{\"x\":\"" + new string('a', MegabyteString) + "\"}"),
    ];

    /// <summary>Path segments and query values, percent-encoded as they go on the wire.</summary>
    public static IReadOnlyList<Hostile> UrlValues { get; } =
    [
        Hostile.Text("NUL", "%00"),
        Hostile.Text("NUL inside", "a%00b"),
        Hostile.Text("SOH", "%01"),
        Hostile.Text("ESC", "%1B"),
        Hostile.Text("DEL", "%7F"),
        Hostile.Text("C1 NEL", "%C2%85"),
        Hostile.Text("UTF-8 encoded surrogate", "%ED%A0%80"),
        Hostile.Text("invalid UTF-8", "%FF%FE"),
        Hostile.Text("overlong UTF-8", "%C0%AF"),
        Hostile.Text("encoded slash traversal", "..%2F..%2Fetc%2Fpasswd"),
        Hostile.Text("encoded slash", "%2F"),
        Hostile.Text("-0", "-0"),
        Hostile.Text("NaN", "NaN"),
        Hostile.Text("Infinity", "Infinity"),
        Hostile.Text("1e308", "1e308"),
        Hostile.Text("1e309", "1e309"),
        Hostile.Text("-1", "-1"),
        Hostile.Text("0", "0"),
        Hostile.Text("1.5", "1.5"),
        Hostile.Text("long.MaxValue + 1", "9223372036854775808"),
        Hostile.Text("huge integer", "99999999999999999999999999999999999999"),
        Hostile.Text("space", "%20"),
        Hostile.Text("empty", string.Empty),
        Hostile.Text("right-to-left override", "%E2%80%AE"),
        Hostile.Text("emoji", "%F0%9F%98%80"),
        Hostile.Text("SQL", "'%20OR%201=1--"),
        Hostile.Text("FTS syntax", "%22%20OR%20*%20NEAR("),
        Hostile.Text("null", "null"),
        Hostile.Text("true", "true"),
        Hostile.Text("JSON", "%7B%7D"),
        Hostile.Text("bad cursor", "not-a-cursor"),
        Hostile.Text("base64 cursor of garbage", "eyJ9"),
        Hostile.Text("base64 padding", "%3D%3D%3D"),
        Hostile.Text("long base64 cursor", new string('A', 4096)),
        Hostile.Text("1 MB value", new string('a', MegabyteString)),
    ];

    /// <summary>Header values (headers carry no control characters on the wire, so these are the ones a client can send).</summary>
    public static IReadOnlyList<string> HeaderValues { get; } =
    [
        string.Empty, " ", "x", new string('k', 101), new string('k', 100), "key with spaces", "ключ", "\u00ff", "a\u007fb", new string('z', 10_000),
    ];
}
