using EcoBid.Web.Localization;

namespace EcoBid.Web.Tests;

/// <summary>Money as CLDR writes it for English and Polish readers (the process has no ICU data to ask).</summary>
public sealed class MoneyFormatTests
{
    [Theory]
    [InlineData(1000, "PLN", "en", "PLN\u00A010.00")]
    [InlineData(123450, "PLN", "en", "PLN\u00A01,234.50")]
    [InlineData(1250, "EUR", "en", "€12.50")]
    [InlineData(99, "GBP", "en", "£0.99")]
    [InlineData(1000, "PLN", "pl", "10,00\u00A0zł")]
    [InlineData(123450, "PLN", "pl", "1234,50\u00A0zł")]
    [InlineData(1234550, "PLN", "pl", "12\u00A0345,50\u00A0zł")]
    [InlineData(1250, "EUR", "pl", "12,50\u00A0€")]
    [InlineData(100000000, "CZK", "pl", "1\u00A0000\u00A0000,00\u00A0CZK")]
    [InlineData(-505, "CHF", "en", "-CHF\u00A05.05")]
    public void Amounts_in_minor_units_read_as_each_language_writes_money(long minor, string currency, string language, string expected) =>
        MoneyFormat.Format(minor, currency, language).ShouldBe(expected);
}
