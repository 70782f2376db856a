using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Reservations;

public static class ReservationSteps
{
    public static async Task<JsonElement> ReserveAsync(this HttpClient client, string itemId)
    {
        var response = await client.PostAsync($"/items/{itemId}/reserve", null);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string reservationId, string action, object? body = null) =>
        body is null ? client.PostAsync($"/reservations/{reservationId}/{action}", null) : client.PostAsJsonAsync($"/reservations/{reservationId}/{action}", body);

    public static async Task<string> StatusOfItemAsync(this HttpClient client, string itemId) =>
        (await (await client.GetAsync($"/items/{itemId}")).ReadJsonAsync()).GetProperty("status").GetString()!;

    public static Task<long> EventCountAsync(this EcoBidApp app, string detailType) => app.Database.EventCountAsync(detailType);
}
