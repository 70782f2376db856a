using System.Net.Http.Json;
using System.Text;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Items;

/// <summary>Bad input gets a 4xx problem+json that names the problem, never a 5xx, and changes nothing.</summary>
public sealed class InvalidItemTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"title":5,"category":"books","mode":"free","location":{"lat":1,"lon":1}}""", "title" },
        { """{"title":"Lamp","category":"books","mode":"free","location":{"lat":"north","lon":1}}""", "location.lat" },
        { """{"title":"Lamp","category":"books","mode":"free","location":{"lat":91,"lon":1}}""", "location.lat" },
        { """{"title":"Lamp","category":"books","mode":"free","location":{"lat":1,"lon":-180.5}}""", "location.lon" },
        { """{"title":"Lamp","category":"books","mode":"free"}""", "location.lat" },
        { """{"title":"Lamp","category":"books","mode":"swap","location":{"lat":1,"lon":1}}""", "mode" },
        { """{"title":"Lamp","category":"weapons","mode":"free","location":{"lat":1,"lon":1}}""", "category" },
        { """{"title":"  ","category":"books","mode":"free","location":{"lat":1,"lon":1}}""", "title" },
        { """{"title":"Lamp\u0000\u0007","category":"books","mode":"free","location":{"lat":1,"lon":1}}""", "title" },
        { """{"category":"books","mode":"free","location":{"lat":1,"lon":1}}""", "title" },
        { """{"title":["a"],"category":"books","mode":"free","location":{"lat":1,"lon":1}}""", "title" },
        { """{"title":"Lamp","category":"books","mode":"free","location":{"lat":1e999,"lon":1}}""", "location.lat" },
        { """{"title":"Lamp","category":"books","mode":"free","location":[1,2]}""", "location" },
        { """{"title":"Lamp",""", "body" },
        { "[]", "body" },
        { "null", "body" },
        { "42", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_item_is_a_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var response = await (await ClientAsync()).PostAsync("/items", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldContain(field, $"{body} → {problem}");
        await ShouldHaveStoredNothingAsync();
    }

    [Fact]
    public async Task An_oversized_title_is_rejected_with_its_length()
    {
        var response = await (await ClientAsync()).PostAsJsonAsync("/items", Requests.Item(title: new string('x', 10_000)));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").GetProperty("title")[0].GetString()!.ShouldContain("10000");
        await ShouldHaveStoredNothingAsync();
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        var huge = "{\"title\":\"" + new string('x', 2_000_000) + "\"}";
        var response = await (await ClientAsync()).PostAsync("/items", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(413);
        await ShouldHaveStoredNothingAsync();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var response = await (await ClientAsync()).PostAsync("/items", new StringContent("title=Lamp", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ShouldBeProblemAsync(415);
        await ShouldHaveStoredNothingAsync();
    }

    [Fact]
    public async Task Sql_looking_and_unicode_text_is_stored_literally()
    {
        const string title = "Robert'); DROP TABLE items;-- 🪑 Krzesło ąęś";
        var client = await ClientAsync();
        var id = await client.CreateItemAsync(Requests.Item(title: title));

        var item = await (await client.GetAsync($"/items/{id}")).ReadJsonAsync();
        item.GetProperty("title").GetString().ShouldBe(title);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items")).ShouldBe(1);
    }

    [Theory]
    [InlineData("/items?q=")]
    [InlineData("/items?q=lamp&limit=0")]
    [InlineData("/items?q=lamp&limit=abc")]
    [InlineData("/items?q=lamp&limit=100000")]
    public async Task Invalid_search_parameters_are_400_problems(string url)
    {
        var response = await _app.CreateClient().GetAsync(url);
        await response.ShouldBeProblemAsync(400);
    }

    private HttpClient? _client;

    private async Task<HttpClient> ClientAsync() => _client ??= (await _app.SignUpAsync()).Client;

    private async Task ShouldHaveStoredNothingAsync()
    {
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items")).ShouldBe(0);
        (await _app.Database.CountAsync(
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.source') = 'ecobid.items'")).ShouldBe(0);
    }
}
