using System.Text.Json.Nodes;
using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

internal sealed partial class DefinitionParser
{
    private List<Retrier> ParseRetry(FieldReader r, QueryLanguage language)
    {
        var result = new List<Retrier>();
        var array = r.Array("Retry");
        if (array is null) return result;
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{r.Location}/Retry/{i}";
            if (array[i] is not JsonObject o)
            {
                Add(DiagnosticCodes.SchemaValidationFailed, "A retrier must be an OBJECT", at);
                continue;
            }
            var rr = new FieldReader(o, at, _diagnostics);
            var errors = ErrorEquals(rr, i == array.Count - 1, "retrier");
            rr.String("Comment");
            var interval = rr.Integer("IntervalSeconds", 1, 99999999);
            var attempts = rr.Integer("MaxAttempts", 0, 99999999);
            var backoff = rr.Number("BackoffRate", 1.0, double.MaxValue);
            var maxDelay = rr.Integer("MaxDelaySeconds", 1, 31622400);
            var jitter = rr.String("JitterStrategy");
            if (jitter is not (null or "FULL" or "NONE")) rr.Error("JitterStrategy", "The value for the field 'JitterStrategy' must be one of [FULL, NONE]");
            rr.RejectUnread();
            result.Add(new Retrier
            {
                ErrorEquals = errors,
                IntervalSeconds = interval ?? 1,
                MaxAttempts = attempts ?? 3,
                BackoffRate = backoff ?? 2.0,
                MaxDelaySeconds = maxDelay,
                FullJitter = jitter == "FULL",
            });
        }
        return result;
    }

    private List<Catcher> ParseCatch(FieldReader r, QueryLanguage language)
    {
        var result = new List<Catcher>();
        var array = r.Array("Catch");
        if (array is null) return result;
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{r.Location}/Catch/{i}";
            if (array[i] is not JsonObject o)
            {
                Add(DiagnosticCodes.SchemaValidationFailed, "A catcher must be an OBJECT", at);
                continue;
            }
            var cr = new FieldReader(o, at, _diagnostics);
            var errors = ErrorEquals(cr, i == array.Count - 1, "catcher");
            cr.String("Comment");
            var next = cr.String("Next", required: true);
            OptionalPath? resultPath = null;
            PayloadTemplate? output = null;
            if (language == QueryLanguage.JsonPath) resultPath = cr.OptionalPath("ResultPath", reference: true);
            else if (cr.Has("Output")) output = JsonataTemplateOf(cr, "Output");
            var assign = cr.Has("Assign") ? AssignTemplate(cr, "Assign", language) : null;
            foreach (var field in language == QueryLanguage.Jsonata ? new[] { "ResultPath" } : ["Output"])
            {
                if (cr.Has(field))
                {
                    cr.Accept(field);
                    cr.Error(field, $"The field '{field}' is not supported when the QueryLanguage is {(language == QueryLanguage.Jsonata ? "JSONata" : "JSONPath")}");
                }
            }
            cr.RejectUnread();
            if (next is not null) result.Add(new Catcher { ErrorEquals = errors, Next = next, ResultPath = resultPath, Output = output, Assign = assign });
        }
        return result;
    }

    private static List<string> ErrorEquals(FieldReader r, bool isLast, string what)
    {
        var errors = new List<string>();
        var array = r.Array("ErrorEquals", required: true);
        if (array is null) return errors;
        if (array.Count == 0) r.Error("ErrorEquals", "The field 'ErrorEquals' must contain at least one error name");
        foreach (var item in array)
        {
            if (JsonNodes.AsString(item) is { } name) errors.Add(name);
            else r.Error("ErrorEquals", "The values of the field 'ErrorEquals' must be STRINGs");
        }
        if (errors.Contains(StatesErrors.All))
        {
            if (errors.Count > 1) r.Error("ErrorEquals", "'States.ALL' must appear alone in the 'ErrorEquals' array");
            if (!isLast) r.Error("ErrorEquals", $"'States.ALL' must appear in the last {what}");
        }
        return errors;
    }
}
