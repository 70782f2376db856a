using System.Text.Json;
using EcoBid.Events.Envelope;

namespace EcoBid.Events.Tests.Rules;

internal static class RuleTestKit
{
    public static string File(string targets, string rules) => $$"""{ "targets": {{targets}}, "rules": {{rules}} }""";

    public static EventEnvelope Envelope(string source, string detailType, object? detail = null) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Source = source,
        DetailType = detailType,
        Time = new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero),
        Detail = JsonSerializer.SerializeToElement(detail ?? new { }),
    };
}
