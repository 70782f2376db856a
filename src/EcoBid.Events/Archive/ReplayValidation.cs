using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using EcoBid.Events.Patterns;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Archive;

/// <summary>Checks a replay request field by field, naming each fault, the way EventBridge's StartReplay does.</summary>
public static partial class ReplayValidation
{
    public const int MaxNameLength = 64;

    private const string NameRule = "1 to 64 letters, digits, '.', '_' or '-'";

    public static bool TryValidate(
        ReplayRequest request,
        RuleSet rules,
        [NotNullWhen(true)] out ReplayDefinition? definition,
        out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rules);
        var faults = new Dictionary<string, string[]>(StringComparer.Ordinal);

        if (string.IsNullOrEmpty(request.Name))
        {
            faults["name"] = [$"A replay name is required: {NameRule}."];
        }
        else if (!NameFormat().IsMatch(request.Name))
        {
            faults["name"] = [$"A replay name is {NameRule}."];
        }

        // The archive keeps event times to the millisecond; the range is compared at that precision.
        var from = ToMilliseconds(request.From);
        var to = ToMilliseconds(request.To);
        if (from is null)
        {
            faults["from"] = ["The start of the event-time range is required (ISO 8601, inclusive)."];
        }

        if (to is null)
        {
            faults["to"] = ["The end of the event-time range is required (ISO 8601, exclusive)."];
        }
        else if (from is not null && to <= from)
        {
            faults["to"] = ["The end of the range must be later than its start."];
        }

        if (request.EventPattern is { } pattern && !EventPattern.TryParse(pattern, out _, out var patternError))
        {
            faults["eventPattern"] = [patternError];
        }

        var targets = ValidTargets(request.Targets, rules, faults);

        if (faults.Count > 0)
        {
            definition = null;
            errors = faults;
            return false;
        }

        definition = new ReplayDefinition(request.Name!, from!.Value, to!.Value, request.EventPattern, targets);
        errors = faults;
        return true;
    }

    private static List<string>? ValidTargets(IReadOnlyList<string>? requested, RuleSet rules, Dictionary<string, string[]> faults)
    {
        if (requested is null)
        {
            return null;
        }

        if (requested.Count == 0)
        {
            faults["targets"] = ["Name at least one target, or leave targets out to deliver to every target whose rules match."];
            return null;
        }

        var unknown = requested.Where(t => t is null || !rules.Targets.ContainsKey(t)).Select(t => t ?? "null").ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", rules.Targets.Keys.Order(StringComparer.Ordinal));
            faults["targets"] = [$"The rules file declares no target {string.Join(", ", unknown.Select(t => $"'{Shorten(t)}'"))}; it declares {known}."];
            return null;
        }

        return [.. requested.Distinct(StringComparer.Ordinal)];
    }

    private static DateTimeOffset? ToMilliseconds(DateTimeOffset? time) =>
        time is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds()) : null;

    private static string Shorten(string text) => text.Length <= MaxNameLength ? text : text[..MaxNameLength] + "…";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NameFormat();
}
