using EcoBid.Domain.Users;

namespace EcoBid.Domain.Tests.Users;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("Ann@Example.com", "ann@example.com")]
    [InlineData("  bob.smith+eco@mail.example.org ", "bob.smith+eco@mail.example.org")]
    public void Addresses_are_normalized(string input, string expected) => EmailAddresses.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("ann@localhost")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("ann@example.com\r\nBcc: x@y.z")]
    public void Non_addresses_are_refused(string? input) => EmailAddresses.Normalize(input).ShouldBeNull();

    [Fact]
    public void Overlong_addresses_are_refused() => EmailAddresses.Normalize(new string('a', 250) + "@example.com").ShouldBeNull();
}
