using System.Net;
using EcoBid.Server.Observability;

namespace EcoBid.Server.Tests.Observability;

public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.255.1.2", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("127.0.0.1/32", "127.0.0.1", true)]
    [InlineData("127.0.0.1/32", "::ffff:127.0.0.1", true)]
    [InlineData("127.0.0.1/32", "127.0.0.2", false)]
    [InlineData("fd00::/8", "fd12:3456::1", true)]
    [InlineData("fd00::/8", "10.0.0.1", false)]
    public void An_address_is_allowed_only_inside_a_listed_network(string network, string address, bool allowed) =>
        MetricsAccess.Allows(MetricsAccess.Parse([network]), IPAddress.Parse(address)).ShouldBe(allowed);

    [Fact]
    public void No_network_is_allowed_by_default_and_no_address_is_never_allowed()
    {
        MetricsAccess.Allows(MetricsAccess.Parse([]), IPAddress.Loopback).ShouldBeFalse();
        MetricsAccess.Allows(MetricsAccess.Parse(["0.0.0.0/0"]), null).ShouldBeFalse();
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("ten.0.0.0/8")]
    [InlineData("10.0.0.1/8")]
    public void A_network_that_is_not_one_is_refused_naming_it(string network) =>
        Should.Throw<InvalidOperationException>(() => MetricsAccess.Parse([network])).Message.ShouldContain($"'{network}'");
}
