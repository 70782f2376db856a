using EcoBid.Server.Aws.Signing;

namespace EcoBid.Server.Tests.Aws;

/// <summary>
/// AWS's published Signature Version 4 test suite (2015-08-30, key AKIDEXAMPLE, region us-east-1, service "service",
/// host example.amazonaws.com): each request's canonical form and signature, and the signing-key example of the
/// SigV4 documentation.
/// </summary>
public sealed class SigV4VectorTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Host = "example.amazonaws.com";
    private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string, string[], string, string> Vectors => new()
    {
        // name, method, path (as the request line has it), query, extra headers "Name:value", body, signature
        { "get-vanilla", "GET", "/", "", [], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "post-vanilla", "POST", "/", "", [], "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", [], "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-vanilla-empty-query-key", "GET", "/", "Param1=value1", [], "", "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb" },
        { "get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", [], "", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f" },
        { "get-utf8", "GET", "/\u1234", "", [], "", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85" },
        { "get-header-value-trim", "GET", "/", "", ["My-Header1: value1", "My-Header2: \"a   b   c\""], "", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "post-header-key-sort", "POST", "/", "", ["My-Header1:value1"], "", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-x-www-form-urlencoded", "POST", "/", "", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
        { "normalize-path/get-slash", "GET", "//", "", [], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "normalize-path/get-slashes", "GET", "//example//", "", [], "", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84" },
        { "normalize-path/get-relative", "GET", "/example/..", "", [], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "normalize-path/get-relative-relative", "GET", "/example1/example2/../..", "", [], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "normalize-path/get-slash-dot-slash", "GET", "/./", "", [], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "normalize-path/get-slash-pointless-dot", "GET", "/./example", "", [], "", "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5" },
        { "normalize-path/get-space", "GET", "/example space/", "", [], "", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Each_vector_signs_as_AWS_published(string name, string method, string path, string query, string[] extraHeaders, string body, string signature)
    {
        var headers = new SortedDictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["host"] = [Host],
            ["x-amz-date"] = ["20150830T123600Z"],
        };
        foreach (var header in extraHeaders)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var key = header[..colon].ToLowerInvariant();
            if (!headers.TryGetValue(key, out var values))
            {
                headers[key] = values = [];
            }

            values.Add(header[(colon + 1)..]);
        }

        var canonical = SigV4.CanonicalRequest(method, path, query,
            headers.Select(h => new KeyValuePair<string, IReadOnlyList<string>>(h.Key, h.Value)).ToList(),
            SigV4.Hash(System.Text.Encoding.UTF8.GetBytes(body)));
        var scope = SigV4.CredentialScope("20150830", "us-east-1", "service");
        var actual = SigV4.Signature(SigV4.SigningKey(Secret, "20150830", "us-east-1", "service"), SigV4.StringToSign(Time, scope, canonical));

        actual.ShouldBe(signature, name);
    }

    [Fact]
    public void The_canonical_request_of_get_vanilla_query_order_key_case_is_AWS_published()
    {
        var canonical = SigV4.CanonicalRequest("GET", "/", "Param2=value2&Param1=value1",
            [new("host", [Host]), new("x-amz-date", ["20150830T123600Z"])], SigV4.EmptyPayloadHash);

        canonical.ShouldBe(
            "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        SigV4.StringToSign(Time, SigV4.CredentialScope("20150830", "us-east-1", "service"), canonical).ShouldBe(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            + "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0");
    }

    [Fact]
    public void The_signing_key_of_the_documentation_example_derives_as_published()
    {
        SigV4.Hex(SigV4.SigningKey(Secret, "20150830", "us-east-1", "iam"))
            .ShouldBe("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    }

    [Theory]
    [InlineData("/example space/", "/example%20space/")]
    [InlineData("/\u1234", "/%E1%88%B4")]
    [InlineData("/aws%2Fx", "/aws%252Fx")] // a path as sent is encoded once more, as for every service but S3
    [InlineData("", "/")]
    [InlineData("/aws/", "/aws/")]
    public void Paths_are_normalised_and_encoded(string path, string canonical) => SigV4.CanonicalPath(path).ShouldBe(canonical);
}
