using System.Text.Json;

namespace EcoBid.Server.Admin;

/// <summary>
/// The body of <c>POST /admin/replays</c>. <c>eventPattern</c> is an EventBridge event pattern, as a JSON object or as a
/// string holding one; <c>targets</c> narrows delivery to those targets.
/// </summary>
public sealed record StartReplayRequest(string? Name, DateTimeOffset? From, DateTimeOffset? To, JsonElement? EventPattern, IReadOnlyList<string>? Targets);
