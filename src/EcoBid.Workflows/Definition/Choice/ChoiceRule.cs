using EcoBid.Workflows.Evaluation;

namespace EcoBid.Workflows.Definition.Choice;

/// <summary>A Choice rule: a comparison, a type test, a boolean combination, or a JSONata condition.</summary>
public abstract class ChoiceRule
{
    internal abstract bool Evaluate(EvaluationContext context);
}
