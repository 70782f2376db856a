using System.Text.Json;
using EcoBid.Events.Patterns;

namespace EcoBid.Events.Tests.Patterns;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData("5", "5e1")]
    [InlineData("5.0", "5e1")]
    [InlineData("0.5E1", "5e1")]
    [InlineData("50", "5e2")]
    [InlineData("0.05", "5e-1")]
    [InlineData("-12.340", "-1234e2")]
    [InlineData("1.50e+3", "15e4")]
    [InlineData("1e-7", "1e-6")]
    [InlineData("0", "0")]
    [InlineData("-0.000", "0")]
    [InlineData("0e10", "0")]
    [InlineData("12345678901234567890", "1234567890123456789e20")]
    [InlineData("1e400", "1e401")]
    [InlineData("1e99999999999999999999", "~1e99999999999999999999")]
    public void Canonical_form_is_shared_by_equal_numbers(string literal, string canonical)
    {
        using JsonDocument document = JsonDocument.Parse(literal);

        NumberText.Canonical(document.RootElement).ShouldBe(canonical);
        NumberText.Canonical(document.RootElement, stackalloc char[NumberText.StackChars]).ToString().ShouldBe(canonical);
    }

    [Fact]
    public void Long_literals_do_not_need_to_fit_the_stack_buffer()
    {
        string literal = "1." + new string('0', 200) + "1";
        using JsonDocument document = JsonDocument.Parse(literal);

        NumberText.Canonical(document.RootElement, stackalloc char[NumberText.StackChars]).ToString()
            .ShouldBe("1" + new string('0', 200) + "1e1");
    }
}
