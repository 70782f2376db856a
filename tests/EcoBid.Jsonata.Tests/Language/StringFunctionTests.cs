using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

public class StringFunctionTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "$string(5)", "\"5\"" },
        { "address", "$string(true)", "\"true\"" },
        { "address", "$string(null)", "\"null\"" },
        { "address", "$string(Address)", "\"{\\\"Street\\\":\\\"Hursley Park\\\",\\\"City\\\":\\\"Winchester\\\",\\\"Postcode\\\":\\\"SO21 2JN\\\"}\"" },
        { "address", "$string([1, 'a'], true)", "\"[\\n  1,\\n  \\\"a\\\"\\n]\"" },
        { "address", "$string(1/3)", "\"0.333333333333333\"" },
        { "address", "$string(Nothing)", null },
        { "address", "$length('Hello World')", "11" },
        { "address", "$length('\U0001F600x')", "2" },
        { "address", "$substring('Hello World', 3)", "\"lo World\"" },
        { "address", "$substring('Hello World', 3, 5)", "\"lo Wo\"" },
        { "address", "$substring('Hello World', -4)", "\"orld\"" },
        { "address", "$substring('Hello World', -4, 1)", "\"o\"" },
        { "address", "$substringBefore('Hello World', ' ')", "\"Hello\"" },
        { "address", "$substringAfter('Hello World', ' ')", "\"World\"" },
        { "address", "$substringAfter('Hello World', 'x')", "\"Hello World\"" },
        { "address", "$uppercase('Hello World')", "\"HELLO WORLD\"" },
        { "address", "$lowercase('Hello World')", "\"hello world\"" },
        { "address", "$trim('   Hello  \\n World  ')", "\"Hello World\"" },
        { "address", "$pad('foo', 5)", "\"foo  \"" },
        { "address", "$pad('foo', -5)", "\"  foo\"" },
        { "address", "$pad('foo', -5, '#')", "\"##foo\"" },
        { "address", "$pad('foo', 2)", "\"foo\"" },
        { "address", "$contains('abracadabra', 'bra')", "true" },
        { "address", "$contains('abracadabra', 'xyz')", "false" },
        { "address", "$split('so many words', ' ')", """["so","many","words"]""" },
        { "address", "$split('so many words', ' ', 2)", """["so","many"]""" },
        { "address", "$split('so many words', '')", """["s","o"," ","m","a","n","y"," ","w","o","r","d","s"]""" },
        { "address", "$join(['a', 'b', 'c'])", "\"abc\"" },
        { "address", "$join(Phone.type, ', ')", "\"home, office, office, mobile\"" },
        { "address", "$replace('John Smith and John Jones', 'John', 'Mr')", "\"Mr Smith and Mr Jones\"" },
        { "address", "$replace('John Smith and John Jones', 'John', 'Mr', 1)", "\"Mr Smith and John Jones\"" },
        { "address", "$eval('[1, $string(2), 3]')", """[1,"2",3]""" },
        { "address", "$eval('Address.City')", "\"Winchester\"" },
        { "address", "$eval('City', Address)", "\"Winchester\"" },
        { "address", "$base64encode('myuser:mypass')", "\"bXl1c2VyOm15cGFzcw==\"" },
        { "address", "$base64decode('bXl1c2VyOm15cGFzcw==')", "\"myuser:mypass\"" },
        { "address", "$base64encode('\u00e9')", "\"6Q==\"" },
        { "address", "$base64decode('6Q==')", "\"\u00e9\"" },
        { "address", "$encodeUrlComponent('?x=test')", "\"%3Fx%3Dtest\"" },
        { "address", "$encodeUrl('https://mozilla.org/?x=\u0448\u0435\u043b\u043b\u044b')", "\"https://mozilla.org/?x=%D1%88%D0%B5%D0%BB%D0%BB%D1%8B\"" },
        { "address", "$decodeUrlComponent('%3Fx%3Dtest')", "\"?x=test\"" },
        { "address", "$decodeUrl('https://mozilla.org/?x=%D1%88%D0%B5%D0%BB%D0%BB%D1%8B')", "\"https://mozilla.org/?x=\u0448\u0435\u043b\u043b\u044b\"" },
        { "address", "Email.address.$substringAfter($, '@')", """["my-work.com","my-work.com","my-social.com","very-serious.com"]""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void String_functions(string document, string expression, string? expected) => Check(document, expression, expected);
}
