using EcoBid.Server.Aws;
using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Aws.Signing;

namespace EcoBid.Server.Tests.Aws;

public sealed class SigV4VerifierTests
{
    private const string Key = "AKIAEXAMPLEKEY000001";
    private const string Secret = "example/secret+key/for/the/verifier/test";
    private const string Host = "127.0.0.1:8080";
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private static readonly byte[] Body = TestSigner.Json("""{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:a"}""");

    private static readonly SigV4Verifier Verifier = new(new AwsCredentials(Key, Secret), "us-east-1", new FixedClock(Now));

    private static Dictionary<string, string> Signed(DateTimeOffset? at = null, string key = Key, string secret = Secret, string region = "us-east-1", string service = "states") =>
        TestSigner.Headers(Host, "/aws", "AWSStepFunctions.DescribeStateMachine", Body, key, secret, at ?? Now, region, service);

    private static AwsException Refused(IReadOnlyDictionary<string, string> headers, byte[]? body = null, string path = "/aws") =>
        Should.Throw<AwsException>(() => Verifier.Verify(TestSigner.Request(headers, path, body ?? Body), "states"));

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    [InlineData(14)]
    public void A_correctly_signed_request_within_15_minutes_passes(int minutes) =>
        Should.NotThrow(() => Verifier.Verify(TestSigner.Request(Signed(Now.AddMinutes(minutes)), "/aws", Body), "states"));

    [Fact]
    public void No_authorization_is_a_missing_token()
    {
        var headers = Signed();
        headers.Remove("Authorization");
        var error = Refused(headers);
        error.Code.ShouldBe("MissingAuthenticationTokenException");
        error.StatusCode.ShouldBe(400);
    }

    [Fact]
    public void An_unknown_access_key_is_an_unrecognized_client() =>
        Refused(Signed(key: "AKIAOTHERKEY00000000")).Code.ShouldBe("UnrecognizedClientException");

    [Fact]
    public void Another_secret_does_not_match_and_the_message_shows_the_canonical_request()
    {
        var error = Refused(Signed(secret: "not-the-secret"));
        error.Code.ShouldBe("InvalidSignatureException");
        error.Message.ShouldStartWith("The request signature we calculated does not match the signature you provided.");
        error.Message.ShouldContain("POST\n/aws\n\ncontent-type:application/x-amz-json-1.0\nhost:127.0.0.1:8080\n");
    }

    [Fact]
    public void A_changed_body_or_path_does_not_match()
    {
        Refused(Signed(), TestSigner.Json("""{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:b"}""")).Code.ShouldBe("InvalidSignatureException");
        Refused(Signed(), path: "/aws/").Code.ShouldBe("InvalidSignatureException");
    }

    [Fact]
    public void A_changed_signed_header_does_not_match()
    {
        var headers = Signed();
        headers["x-amz-target"] = "AWSStepFunctions.DeleteStateMachine";
        Refused(headers).Code.ShouldBe("InvalidSignatureException");
    }

    [Fact]
    public void A_clock_more_than_15_minutes_behind_is_expired()
    {
        var error = Refused(Signed(Now.AddMinutes(-16)));
        error.Code.ShouldBe("InvalidSignatureException");
        error.Message.ShouldBe("Signature expired: 20260314T091400Z is now earlier than 20260314T091500Z (20260314T093000Z - 15 min.)");
    }

    [Fact]
    public void A_clock_more_than_15_minutes_ahead_is_not_yet_current()
    {
        var error = Refused(Signed(Now.AddMinutes(16)));
        error.Code.ShouldBe("InvalidSignatureException");
        error.Message.ShouldBe("Signature not yet current: 20260314T094600Z is still later than 20260314T094500Z (20260314T093000Z + 15 min.)");
    }

    [Theory]
    [InlineData("eu-west-1", "states", "Credential should be scoped to a valid region")]
    [InlineData("us-east-1", "events", "Credential should be scoped to correct service: 'states'")]
    public void A_scope_of_another_region_or_service_is_refused(string region, string service, string message)
    {
        var error = Refused(Signed(region: region, service: service));
        error.Code.ShouldBe("InvalidSignatureException");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void A_scope_date_other_than_the_request_date_is_refused()
    {
        var headers = Signed();
        headers["Authorization"] = headers["Authorization"].Replace("/20260314/", "/20260313/", StringComparison.Ordinal);
        var error = Refused(headers);
        error.Code.ShouldBe("InvalidSignatureException");
        error.Message.ShouldContain("'20260313' != '20260314'");
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEKEY000001/20260314/us-east-1/states/aws4_request, Signature=abc", "Authorization header requires 'SignedHeaders' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc", "Authorization header requires 'Credential' parameter.")]
    [InlineData("Bearer abc", "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEKEY000001/20260314/us-east-1, SignedHeaders=host, Signature=abc", "Credential must have exactly 5 slash-delimited elements")]
    public void An_incomplete_authorization_header_is_an_incomplete_signature(string authorization, string message)
    {
        var headers = Signed();
        headers["Authorization"] = authorization;
        var error = Refused(headers);
        error.Code.ShouldBe("IncompleteSignatureException");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void A_request_without_a_date_is_an_incomplete_signature()
    {
        var headers = Signed();
        headers.Remove("x-amz-date");
        var error = Refused(headers);
        error.Code.ShouldBe("IncompleteSignatureException");
        error.Message.ShouldContain("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    [Fact]
    public void The_host_header_must_be_signed()
    {
        var headers = Signed();
        headers["Authorization"] = headers["Authorization"].Replace("SignedHeaders=content-type;host;x-amz-date;x-amz-target", "SignedHeaders=content-type;x-amz-date;x-amz-target", StringComparison.Ordinal);
        Refused(headers).Message.ShouldContain("'Host' or ':authority' must be a 'SignedHeader'");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
