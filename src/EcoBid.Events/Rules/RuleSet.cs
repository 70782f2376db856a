using System.Text.Json;

namespace EcoBid.Events.Rules;

/// <summary>The loaded rules file: targets with their queue settings, and rules that route events to them.</summary>
public sealed class RuleSet
{
    public RuleSet(IReadOnlyList<Rule> rules, IReadOnlyList<RuleTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(targets);
        Rules = rules;
        Targets = targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var target in rule.Targets.Where(t => !Targets.ContainsKey(t)))
            {
                throw new RuleSetException($"Rule '{rule.Name}' names target '{target}', which the rules file does not declare.");
            }
        }
    }

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyDictionary<string, RuleTarget> Targets { get; }

    /// <summary>
    /// The distinct targets whose rules match the event. An event matched by two rules that share a target is
    /// delivered to that target once: a target is one queue, and the queue holds one message per event.
    /// </summary>
    public IReadOnlyList<string> Route(JsonElement envelope)
    {
        List<string>? matched = null;
        foreach (var rule in Rules)
        {
            if (!rule.Pattern.Matches(envelope))
            {
                continue;
            }

            matched ??= [];
            foreach (var target in rule.Targets)
            {
                if (!matched.Contains(target))
                {
                    matched.Add(target);
                }
            }
        }

        return matched ?? (IReadOnlyList<string>)[];
    }
}
