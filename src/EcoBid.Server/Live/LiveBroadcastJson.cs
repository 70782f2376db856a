using System.Text.Json;

namespace EcoBid.Server.Live;

/// <summary>The one serializer setting live pushes cross the broker with.</summary>
internal static class LiveBroadcastJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
