using EcoBid.Domain.Users;

namespace EcoBid.Domain.Tests.Users;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Passw0rd")]
    [InlineData("Zażółć9gęślą")]
    [InlineData("correct Horse 9 battery staple")]
    public void Good_passwords_pass(string password) => PasswordPolicy.Check(password).ShouldBeEmpty();

    [Theory]
    [InlineData(null, "required")]
    [InlineData("Pass0rd", "at least 8")]
    [InlineData("password1", "upper-case")]
    [InlineData("PASSWORD1", "lower-case")]
    [InlineData("Passwords", "digit")]
    public void Each_fault_is_named(string? password, string fault) =>
        PasswordPolicy.Check(password).ShouldContain(m => m.Contains(fault));

    [Fact]
    public void Very_long_passwords_are_refused() =>
        PasswordPolicy.Check("Aa1" + new string('x', 200)).ShouldContain(m => m.Contains("at most"));
}
