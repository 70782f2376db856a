using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EcoBid.Events.Contracts;

/// <summary>
/// The broker the tests run against: <c>ECOBID_TEST_RABBITMQ</c> (an AMQP URI without a vhost; by default the test user
/// scripts/test-services.sh creates on 127.0.0.1) and <c>ECOBID_TEST_RABBITMQ_MANAGEMENT</c> (its management API). Each
/// test gets a vhost of its own, created through the management API and deleted afterwards, so queue names repeat
/// freely. A broker that cannot be reached fails the tests: they are meant to run for real in CI, not to be skipped.
/// </summary>
public static class RabbitMqTestServer
{
    public const string Variable = "ECOBID_TEST_RABBITMQ";
    public const string ManagementVariable = "ECOBID_TEST_RABBITMQ_MANAGEMENT";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static Uri Server => new(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri ? uri : "amqp://ecobid_test:ecobid_test@127.0.0.1:5672/");

    public static Uri Management => new(Environment.GetEnvironmentVariable(ManagementVariable) is { Length: > 0 } uri ? uri : "http://127.0.0.1:15672/");

    /// <summary>Creates a fresh vhost for the test user; returns the AMQP URI into it.</summary>
    public static async Task<string> CreateVhostAsync()
    {
        var vhost = $"ecobid-test-{Guid.NewGuid():N}";
        try
        {
            await SendAsync(HttpMethod.Put, $"api/vhosts/{vhost}", "{}");
            await SetPermissionsOfAsync(vhost, configure: ".*", write: ".*", read: ".*");
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(
                $"RabbitMQ's management API is unreachable at {Management} ({ManagementVariable}): {ex.Message}. Start it with scripts/test-services.sh start.", ex);
        }

        return new UriBuilder(Server) { Path = "/" + vhost }.Uri.ToString();
    }

    /// <summary>Sets what the test user may do in the vhost of <paramref name="connectionString"/> (regular expressions of names).</summary>
    public static Task SetPermissionsAsync(string connectionString, string configure, string write = ".*", string read = ".*") =>
        SetPermissionsOfAsync(VhostOf(connectionString), configure, write, read);

    /// <summary>How many client connections the broker holds open into the vhost of <paramref name="connectionString"/>.</summary>
    public static async Task<int> ConnectionCountAsync(string connectionString)
    {
        using var request = Request(HttpMethod.Get, $"api/vhosts/{VhostOf(connectionString)}/connections");
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return list.RootElement.GetArrayLength();
    }

    public static Task DeleteVhostAsync(string connectionString) =>
        SendAsync(HttpMethod.Delete, $"api/vhosts/{VhostOf(connectionString)}", null);

    private static Task SetPermissionsOfAsync(string vhost, string configure, string write, string read) =>
        SendAsync(
            HttpMethod.Put,
            $"api/permissions/{vhost}/{Uri.EscapeDataString(Uri.UnescapeDataString(Server.UserInfo.Split(':')[0]))}",
            JsonSerializer.Serialize(new { configure, write, read }));

    private static string VhostOf(string connectionString) => new Uri(connectionString).AbsolutePath.TrimStart('/');

    private static async Task SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = Request(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(Management, path));
        var credentials = Uri.UnescapeDataString(Server.UserInfo);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return request;
    }
}
