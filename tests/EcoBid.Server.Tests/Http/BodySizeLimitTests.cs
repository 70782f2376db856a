using System.Net;
using System.Text;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Http;

/// <summary>
/// <c>Limits:MaxRequestBodyBytes</c> on the real executable (Kestrel), with and without a Content-Length: a body of
/// exactly the limit reaches the endpoint, one byte more is a 413, however the body is framed.
/// </summary>
public sealed class BodySizeLimitTests : IAsyncLifetime
{
    private const int Limit = 4096;
    private readonly ServerProcess _server = ServerProcess.Create(new Dictionary<string, string> { ["Limits__MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(4096)]
    public async Task A_chunked_body_of_exactly_the_limit_reaches_validation_not_413(int chunkSize)
    {
        var response = await PostAsync(Body(Limit), chunkSize);

        (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(4097)]
    public async Task A_chunked_body_one_byte_over_the_limit_is_a_413(int chunkSize)
    {
        var response = await PostAsync(Body(Limit + 1), chunkSize);

        (await response.ShouldBeProblemAsync(413)).GetProperty("detail").GetString()!.ShouldContain(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_body_with_a_length_is_refused_only_above_the_limit()
    {
        using var client = _server.CreateClient();
        await (await client.PostAsync("/events/test-pattern", Json(Body(Limit)))).ShouldBeProblemAsync(400);
        await (await client.PostAsync("/events/test-pattern", Json(Body(Limit + 1)))).ShouldBeProblemAsync(413);
    }

    /// <summary>A JSON body of exactly <paramref name="length"/> bytes whose event is not valid, so the endpoint answers 400.</summary>
    private static byte[] Body(int length)
    {
        const string start = """{"eventPattern":"{}","event":" """;
        const string end = "\"}";
        var body = start.TrimEnd() + new string('a', length - start.TrimEnd().Length - end.Length) + end;
        var bytes = Encoding.UTF8.GetBytes(body);
        bytes.Length.ShouldBe(length);
        return bytes;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, int chunkSize)
    {
        using var client = _server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events/test-pattern") { Content = new ChunkedContent(body, chunkSize) };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        return response;
    }

    /// <summary>A body without a length, written (and so framed) in chunks of <c>chunkSize</c> bytes.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly int _chunkSize;

        public ChunkedContent(byte[] body, int chunkSize)
        {
            _body = body;
            _chunkSize = chunkSize;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < _body.Length; at += _chunkSize)
            {
                await stream.WriteAsync(_body.AsMemory(at, Math.Min(_chunkSize, _body.Length - at)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
