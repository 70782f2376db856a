using EcoBid.Jsonata.Runtime;

namespace EcoBid.Jsonata.Tests.Runtime;

public class SignatureArityTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("<:s>", 0)]
    [InlineData("<n:n>", 1)]
    [InlineData("<n-n:a>", 2)]
    [InlineData("<s-nn?:s>", 3)]
    [InlineData("<a<n>n?:a>", 2)]
    [InlineData("<af<n:n>:a>", 2)]
    [InlineData("<(sn)(ab)+>", 2)]
    [InlineData("<x-b?:s>", 2)]
    [InlineData("<o>", 1)]
    public void Counts_declared_parameters(string? signature, int expected) =>
        SignatureArity.Of(signature).ShouldBe(expected);
}
