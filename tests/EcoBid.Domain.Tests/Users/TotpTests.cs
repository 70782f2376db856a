using System.Text;
using EcoBid.Domain.Users;

namespace EcoBid.Domain.Tests.Users;

public sealed class TotpTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    // RFC 6238 appendix B, SHA-1 column; authenticator apps show the last 6 of the 8 digits.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected) =>
        Totp.Code(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);

    [Fact]
    public void A_code_is_accepted_one_step_either_side_and_not_beyond()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var code = Totp.Code(RfcSecret, now);
        Totp.Verify(RfcSecret, code, now).ShouldBe(Totp.StepOf(now));
        Totp.Verify(RfcSecret, code, now.AddSeconds(30)).ShouldNotBeNull();
        Totp.Verify(RfcSecret, code, now.AddSeconds(-30)).ShouldNotBeNull();
        Totp.Verify(RfcSecret, code, now.AddSeconds(90)).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    public void Malformed_codes_are_rejected(string? code) =>
        Totp.Verify(RfcSecret, code, DateTimeOffset.UnixEpoch).ShouldBeNull();

    [Fact]
    public void The_provisioning_uri_carries_the_base32_secret_and_issuer()
    {
        Totp.ProvisioningUri("EcoBid", "ann@example.com", RfcSecret)
            .ShouldBe("otpauth://totp/EcoBid:ann%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=EcoBid&algorithm=SHA1&digits=6&period=30");
    }

    [Theory]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Secrets_travel_as_rfc_4648_base32_without_padding(string text, string encoded)
    {
        Totp.SecretText(Encoding.ASCII.GetBytes(text)).ShouldBe(encoded);
        Encoding.ASCII.GetString(Totp.SecretBytes(encoded)).ShouldBe(text);
        Encoding.ASCII.GetString(Totp.SecretBytes(encoded.ToLowerInvariant() + "===")).ShouldBe(text);
    }
}
