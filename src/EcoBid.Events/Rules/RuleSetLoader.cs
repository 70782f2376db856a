using System.Text.Json;
using EcoBid.Events.Patterns;

namespace EcoBid.Events.Rules;

/// <summary>
/// Reads the rules file (JSON): a <c>targets</c> object of queue settings and a <c>rules</c> array of
/// <c>{ name, description, eventPattern, targets }</c>. Every pattern is validated when loaded.
/// </summary>
public static class RuleSetLoader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static RuleSet LoadFile(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (RuleSetException ex)
        {
            throw new RuleSetException($"{path}: {ex.Message}", ex);
        }
    }

    public static RuleSet Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new RuleSetException($"The rules file is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var targets = ReadTargets(root);
            var rules = ReadRules(root);
            return new RuleSet(rules, targets);
        }
    }

    private static List<RuleTarget> ReadTargets(JsonElement root)
    {
        if (!root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
        {
            throw new RuleSetException("The rules file needs a 'targets' object.");
        }

        var result = new List<RuleTarget>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets.EnumerateObject())
        {
            if (!names.Add(target.Name))
            {
                throw new RuleSetException($"Target '{target.Name}' is declared twice.");
            }

            var settings = target.Value;
            if (settings.ValueKind != JsonValueKind.Object)
            {
                throw new RuleSetException($"Target '{target.Name}': settings must be an object.");
            }

            var defaults = new QueueSettings();
            var queue = new QueueSettings
            {
                MaxReceiveCount = PositiveInt(settings, "maxReceiveCount", defaults.MaxReceiveCount, target.Name),
                VisibilityTimeout = TimeSpan.FromSeconds(PositiveInt(settings, "visibilityTimeoutSeconds", (int)defaults.VisibilityTimeout.TotalSeconds, target.Name)),
                Concurrency = PositiveInt(settings, "concurrency", defaults.Concurrency, target.Name),
                BatchSize = PositiveInt(settings, "batchSize", defaults.BatchSize, target.Name),
                BackoffBase = TimeSpan.FromMilliseconds(PositiveInt(settings, "backoffBaseMilliseconds", (int)defaults.BackoffBase.TotalMilliseconds, target.Name)),
                BackoffCap = TimeSpan.FromSeconds(PositiveInt(settings, "backoffCapSeconds", (int)defaults.BackoffCap.TotalSeconds, target.Name)),
            };
            result.Add(new RuleTarget(target.Name, OptionalString(settings, "description") ?? string.Empty, queue));
        }

        return result;
    }

    private static List<Rule> ReadRules(JsonElement root)
    {
        if (!root.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            throw new RuleSetException("The rules file needs a 'rules' array.");
        }

        var result = new List<Rule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.EnumerateArray())
        {
            var name = OptionalString(rule, "name") ?? throw new RuleSetException("Every rule needs a 'name'.");
            if (!names.Add(name))
            {
                throw new RuleSetException($"Rule '{name}' is declared twice.");
            }

            if (!rule.TryGetProperty("eventPattern", out var patternElement))
            {
                throw new RuleSetException($"Rule '{name}' has no 'eventPattern'.");
            }

            EventPattern pattern;
            try
            {
                pattern = EventPattern.Parse(patternElement.GetRawText());
            }
            catch (Exception ex) when (ex is not RuleSetException)
            {
                throw new RuleSetException($"Rule '{name}': {ex.Message}", ex);
            }

            if (!rule.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Array || targets.GetArrayLength() == 0)
            {
                throw new RuleSetException($"Rule '{name}' needs a non-empty 'targets' array.");
            }

            var targetNames = targets.EnumerateArray()
                .Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new RuleSetException($"Rule '{name}': target names are strings."))
                .ToList();
            result.Add(new Rule(name, OptionalString(rule, "description") ?? string.Empty, pattern, targetNames));
        }

        return result;
    }

    private static int PositiveInt(JsonElement settings, string name, int fallback, string target)
    {
        if (!settings.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 1)
        {
            throw new RuleSetException($"Target '{target}': '{name}' must be a positive whole number.");
        }

        return number;
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
