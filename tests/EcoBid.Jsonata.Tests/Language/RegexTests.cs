using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class RegexTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "$match('ababbabbcc', /a(b+)/)", """[{"match":"ab","index":0,"groups":["b"]},{"match":"abb","index":2,"groups":["bb"]},{"match":"abb","index":5,"groups":["bb"]}]""" },
        { "address", "$match('ababbabbcc', /a(b+)/, 1)", """{"match":"ab","index":0,"groups":["b"]}""" },
        { "address", "$match('xyz', /a/)", null },
        { "address", "$contains('abracadabra', /a.*a/)", "true" },
        { "address", "$contains('abracadabra', /ar/)", "false" },
        { "address", "$contains('ABC', /^[a-z]+$/i)", "true" },
        { "address", "$split('too much, punctuation. hard; to read', /[ ,.;]+/)", """["too","much","punctuation","hard","to","read"]""" },
        { "address", "$split('too much, punctuation. hard; to read', /[ ,.;]+/, 3) ~> $join(', ')", "\"too, much, punctuation\"" },
        { "address", "$replace('abracadabra', /bra/, '*')", "\"a*cada*\"" },
        { "address", "$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')", "\"Smith, John\"" },
        { "address", "$replace('265USD', /([0-9]+)USD/, '$$$1')", "\"$265\"" },
        { "address", "$replace('abc', /b/, function($m){ $uppercase($m.match) })", "\"aBc\"" },
        { "address", "Email.address[$contains($, /work/)]", """["fred.smith@my-work.com","fsmith@my-work.com"]""" },
        { "address", "Phone[number ~> /^01962/].type", """["office","office"]""" },
        { "address", "('Hello' ~> /l+/).match", "\"ll\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Regular_expressions(string document, string expression, string? expected) => Check(document, expression, expected);
}
