using EcoBid.Server.Identity;
using EcoBid.Server.Images;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Tests.Images;

/// <summary>The upload signature binds every part of the request it was made for.</summary>
public sealed class UploadSignerTests
{
    private const string Path = "/uploads/0197a2b4-7c1d-7e55-9a6b-0c3d2e1f4a5b";

    private readonly UploadSigner _signer = Signer("c2VjcmV0LWtleS1vZi1hdC1sZWFzdC0zMi1ieXRlcy1sb25nIQ==");

    [Fact]
    public void The_signature_of_a_request_verifies()
    {
        var signature = _signer.Sign("PUT", Path, 1_900_000_000, "image/jpeg", 12_345);

        _signer.Verify("PUT", Path, 1_900_000_000, "image/jpeg", 12_345, signature).ShouldBeTrue();
        signature.ShouldNotContain("=");
        signature.ShouldNotContain("+");
        signature.ShouldNotContain("/");
    }

    [Theory]
    [InlineData("POST", Path, 1_900_000_000L, "image/jpeg", 12_345L)]
    [InlineData("PUT", Path + "0", 1_900_000_000L, "image/jpeg", 12_345L)]
    [InlineData("PUT", Path, 1_900_000_001L, "image/jpeg", 12_345L)]
    [InlineData("PUT", Path, 1_900_000_000L, "image/png", 12_345L)]
    [InlineData("PUT", Path, 1_900_000_000L, "image/jpeg; charset=utf-8", 12_345L)]
    [InlineData("PUT", Path, 1_900_000_000L, "image/jpeg", 12_346L)]
    public void Changing_any_bound_part_breaks_it(string method, string path, long expires, string contentType, long length)
    {
        var signature = _signer.Sign("PUT", Path, 1_900_000_000, "image/jpeg", 12_345);

        _signer.Verify(method, path, expires, contentType, length, signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Malformed_signatures_do_not_verify(string signature) =>
        _signer.Verify("PUT", Path, 1_900_000_000, "image/jpeg", 12_345, signature).ShouldBeFalse();

    [Fact]
    public void Another_servers_key_gives_another_signature()
    {
        var other = Signer("YW5vdGhlci1rZXktb2YtYXQtbGVhc3QtMzItYnl0ZXMtbG9uZyEh");

        other.Verify("PUT", Path, 1_900_000_000, "image/jpeg", 12_345, _signer.Sign("PUT", Path, 1_900_000_000, "image/jpeg", 12_345)).ShouldBeFalse();
    }

    private static UploadSigner Signer(string key) =>
        new(new SigningKey(Options.Create(new AuthOptions { SigningKey = key }), new ConfigurationBuilder().Build()));
}
