using EcoBid.Workflows.Evaluation;

namespace EcoBid.Workflows.Definition.Choice;

/// <summary><c>And</c>: every rule holds (evaluated left to right, stopping at the first that fails).</summary>
internal sealed class AndRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    internal override bool Evaluate(EvaluationContext context) => rules.All(r => r.Evaluate(context));
}

/// <summary><c>Or</c>: some rule holds.</summary>
internal sealed class OrRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    internal override bool Evaluate(EvaluationContext context) => rules.Any(r => r.Evaluate(context));
}

/// <summary><c>Not</c>.</summary>
internal sealed class NotRule(ChoiceRule rule) : ChoiceRule
{
    internal override bool Evaluate(EvaluationContext context) => !rule.Evaluate(context);
}
