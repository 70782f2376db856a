using EcoBid.Jsonata.Tests.Support;

namespace EcoBid.Jsonata.Tests.Language;

/// <summary>The transform operator <c>| location | update [, delete] |</c>, which copies and never mutates the input.</summary>
public class TransformTests(JsonataFixture fixture) : LanguageTable(fixture)
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "address", "($ ~> |Address|{'City': 'Paris'}|).Address", """{"Street":"Hursley Park","City":"Paris","Postcode":"SO21 2JN"}""" },
        { "address", "($copy := $ ~> |Address|{'City': 'Paris'}|; Address.City)", "\"Winchester\"" },
        { "address", "($ ~> |Address|{}, ['Postcode', 'Street']|).Address", """{"City":"Winchester"}""" },
        { "address", "($ ~> |Phone[type='office']|{'type': 'work'}|).Phone.type", """["home","work","work","mobile"]""" },
        { "invoice", "(Account ~> |Order.Product|{'Total': Price * Quantity}, ['Price', 'Quantity']|).Order[0].Product[0]", """{"Name":"Bowler Hat","ID":858383,"Total":68.9}""" },
        { "address", "Address ~> |$|{'Country': 'UK'}|", """{"Street":"Hursley Park","City":"Winchester","Postcode":"SO21 2JN","Country":"UK"}""" },
        { "address", "($t := |Address|{'City': $uppercase(City)}|; $t($).Address.City)", "\"WINCHESTER\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transforms_copies(string document, string expression, string? expected) => Check(document, expression, expected);
}
