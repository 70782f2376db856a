using System.Text.Json.Nodes;
using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

internal sealed partial class DefinitionParser
{
    private static readonly string[] JsonPathOnlyFields =
    [
        "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "ItemsPath", "SecondsPath", "TimestampPath",
        "ErrorPath", "CausePath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
        "ToleratedFailurePercentagePath", "Result", "Iterator",
    ];

    private static readonly string[] JsonataOnlyFields = ["Arguments", "Output", "Items"];

    private static readonly string[] WaitFields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];

    /// <summary>The parts every state has.</summary>
    private sealed record Common(string Name, string Location, QueryLanguage Language, string? Comment, string? Next, bool IsEnd,
        OptionalPath? InputPath, OutputPath? OutputPathValue, PayloadTemplate? Assign, PayloadTemplate? Output);

    private sealed record OutputPath(OptionalPath? Path);

    private State? ParseState(string name, JsonObject obj, string at, QueryLanguage branchLanguage, int depth)
    {
        var r = new FieldReader(obj, at, _diagnostics);
        var type = r.String("Type", required: true);
        var language = ReadLanguage(r, branchLanguage);
        var comment = r.String("Comment");
        State? state = null;
        switch (type)
        {
            case null:
                break;
            case "Pass":
                state = ParsePass(r, Read(r, name, language, comment, transitions: true, io: true, assign: true));
                break;
            case "Task":
                state = ParseTask(r, Read(r, name, language, comment, transitions: true, io: true, assign: true));
                break;
            case "Choice":
                state = ParseChoice(r, Read(r, name, language, comment, transitions: false, io: true, assign: true));
                break;
            case "Wait":
                state = ParseWait(r, Read(r, name, language, comment, transitions: true, io: true, assign: true));
                break;
            case "Succeed":
                state = ParseSucceed(Read(r, name, language, comment, transitions: false, io: true, assign: false));
                break;
            case "Fail":
                state = ParseFail(r, Read(r, name, language, comment, transitions: false, io: false, assign: false));
                break;
            case "Parallel":
                state = ParseParallel(r, Read(r, name, language, comment, transitions: true, io: true, assign: true), depth);
                break;
            case "Map":
                state = ParseMap(r, Read(r, name, language, comment, transitions: true, io: true, assign: true), depth);
                break;
            default:
                r.Error("Type", "The value for the field 'Type' must be one of [Choice, Fail, Map, Parallel, Pass, Succeed, Task, Wait]");
                break;
        }
        var otherLanguageFields = language == QueryLanguage.Jsonata ? JsonPathOnlyFields : JsonataOnlyFields;
        foreach (var field in otherLanguageFields)
        {
            if (r.Has(field) && type is not null)
            {
                r.Accept(field);
                r.Error(field, $"The field '{field}' is not supported when the QueryLanguage is {(language == QueryLanguage.Jsonata ? "JSONata" : "JSONPath")}");
            }
        }
        if (type is not null) r.RejectUnread();
        else r.Accept([.. obj.Select(p => p.Key)]);
        return state;
    }

    private Common Read(FieldReader r, string name, QueryLanguage language, string? comment, bool transitions, bool io, bool assign)
    {
        string? next = null;
        var end = false;
        if (transitions)
        {
            next = r.String("Next");
            end = r.Bool("End");
            if (r.Has("End") && !end) r.Error("End", "The value for the field 'End' must be true");
            if (r.Has("Next") && end) r.Error("", "The fields 'Next' and 'End' cannot both be set");
            else if (!r.Has("Next") && !end) r.Error("", "These fields are required: [Next or End]");
        }
        OptionalPath? input = null;
        OptionalPath? output = null;
        PayloadTemplate? outputTemplate = null;
        if (io && language == QueryLanguage.JsonPath)
        {
            input = r.OptionalPath("InputPath");
            output = r.OptionalPath("OutputPath");
        }
        if (io && language == QueryLanguage.Jsonata && r.Has("Output")) outputTemplate = JsonataTemplateOf(r, "Output");
        PayloadTemplate? assignTemplate = null;
        if (assign && r.Has("Assign")) assignTemplate = AssignTemplate(r, "Assign", language);
        return new Common(name, r.Location, language, comment, next, end, input, new OutputPath(output), assignTemplate, outputTemplate);
    }

    private static SucceedState ParseSucceed(Common c) => new()
    {
        Name = c.Name, Location = c.Location, QueryLanguage = c.Language, Comment = c.Comment,
        InputPath = c.InputPath, OutputPath = c.OutputPathValue?.Path, Output = c.Output,
    };

    private static PassState ParsePassCore(FieldReader r, Common c, PayloadTemplate? parameters, OptionalPath? resultPath, JsonNode? result, bool hasResult) => new()
    {
        Name = c.Name, Location = c.Location, QueryLanguage = c.Language, Comment = c.Comment, Next = c.Next, IsEnd = c.IsEnd,
        InputPath = c.InputPath, OutputPath = c.OutputPathValue?.Path, Assign = c.Assign, Output = c.Output,
        Parameters = parameters, ResultPath = resultPath, Result = result, HasResult = hasResult,
    };

    private PassState ParsePass(FieldReader r, Common c)
    {
        PayloadTemplate? parameters = null;
        OptionalPath? resultPath = null;
        JsonNode? result = null;
        var hasResult = false;
        if (c.Language == QueryLanguage.JsonPath)
        {
            if (r.Has("Parameters")) parameters = JsonPathTemplateOf(r, "Parameters");
            resultPath = r.OptionalPath("ResultPath", reference: true);
            hasResult = r.Has("Result");
            result = r.Raw("Result")?.DeepClone();
        }
        return ParsePassCore(r, c, parameters, resultPath, result, hasResult);
    }

    private TaskState ParseTask(FieldReader r, Common c)
    {
        var resource = r.String("Resource", required: true) ?? "";
        if (r.Has("Resource") && JsonNodes.IsString(r.Raw("Resource")))
        {
            if (!ArnShape().IsMatch(resource)) r.Error("Resource", "Value is not a valid resource ARN");
            else if (options.ResourceValidator?.Invoke(resource) is { } problem) r.Report(DiagnosticCodes.SchemaValidationFailed, problem, r.At("Resource"));
        }
        r.Accept("Credentials");
        int? timeout = null, heartbeat = null;
        JsonPath? timeoutPath = null, heartbeatPath = null;
        PayloadTemplate? timeoutExpression = null, heartbeatExpression = null;
        PayloadTemplate? parameters = null, arguments = null, selector = null;
        OptionalPath? resultPath = null;
        if (c.Language == QueryLanguage.JsonPath)
        {
            timeout = r.Integer("TimeoutSeconds", 1, 99999999);
            heartbeat = r.Integer("HeartbeatSeconds", 1, 99999999);
            timeoutPath = r.Path("TimeoutSecondsPath");
            heartbeatPath = r.Path("HeartbeatSecondsPath");
            if (r.Has("Parameters")) parameters = JsonPathTemplateOf(r, "Parameters");
            if (r.Has("ResultSelector")) selector = JsonPathTemplateOf(r, "ResultSelector");
            resultPath = r.OptionalPath("ResultPath", reference: true);
        }
        else
        {
            (timeout, timeoutExpression) = IntegerOrExpression(r, "TimeoutSeconds", 1);
            (heartbeat, heartbeatExpression) = IntegerOrExpression(r, "HeartbeatSeconds", 1);
            if (r.Has("Arguments")) arguments = JsonataTemplateOf(r, "Arguments");
        }
        if (r.Has("TimeoutSeconds") && r.Has("TimeoutSecondsPath")) r.Error("", "The fields 'TimeoutSeconds' and 'TimeoutSecondsPath' cannot both be set");
        if (r.Has("HeartbeatSeconds") && r.Has("HeartbeatSecondsPath")) r.Error("", "The fields 'HeartbeatSeconds' and 'HeartbeatSecondsPath' cannot both be set");
        if (timeout is { } t && heartbeat is { } h && h >= t) r.Error("HeartbeatSeconds", "The value for the field 'HeartbeatSeconds' must be smaller than the value for the field 'TimeoutSeconds'");
        return new TaskState
        {
            Name = c.Name, Location = c.Location, QueryLanguage = c.Language, Comment = c.Comment, Next = c.Next, IsEnd = c.IsEnd,
            InputPath = c.InputPath, OutputPath = c.OutputPathValue?.Path, Assign = c.Assign, Output = c.Output,
            Resource = resource, TimeoutSeconds = timeout, TimeoutSecondsPath = timeoutPath, TimeoutSecondsExpression = timeoutExpression,
            HeartbeatSeconds = heartbeat, HeartbeatSecondsPath = heartbeatPath, HeartbeatSecondsExpression = heartbeatExpression,
            Parameters = parameters, Arguments = arguments, ResultSelector = selector, ResultPath = resultPath,
            Retry = ParseRetry(r, c.Language), Catch = ParseCatch(r, c.Language),
        };
    }

    private (int? Value, PayloadTemplate? Expression) IntegerOrExpression(FieldReader r, string field, long min)
    {
        if (!r.Has(field)) return (null, null);
        if (JsonNodes.AsString(r.Raw(field)) is { } text)
        {
            if (Templates.JsonataTemplate.ExpressionOf(text) is not null) return (null, JsonataTemplateOf(r, field));
            r.Error(field, $"The value for the field '{field}' must be an INTEGER or a JSONata expression");
            return (null, null);
        }
        return (r.Integer(field, min, 99999999), null);
    }

    private WaitState ParseWait(FieldReader r, Common c)
    {
        long? seconds = null;
        DateTimeOffset? timestamp = null;
        JsonPath? secondsPath = null, timestampPath = null;
        PayloadTemplate? secondsExpression = null, timestampExpression = null;
        var given = WaitFields.Count(r.Has);
        if (given != 1) r.Error("", "Exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] must be set");
        if (c.Language == QueryLanguage.Jsonata)
        {
            (var s, secondsExpression) = IntegerOrExpression(r, "Seconds", 0);
            seconds = s;
            if (r.Has("Timestamp") && JsonNodes.AsString(r.Raw("Timestamp")) is { } text && Templates.JsonataTemplate.ExpressionOf(text) is not null)
            {
                timestampExpression = JsonataTemplateOf(r, "Timestamp");
            }
            else
            {
                timestamp = ReadTimestamp(r);
            }
        }
        else
        {
            seconds = r.Integer("Seconds", 0, 99999999);
            timestamp = ReadTimestamp(r);
            secondsPath = r.Path("SecondsPath");
            timestampPath = r.Path("TimestampPath");
        }
        return new WaitState
        {
            Name = c.Name, Location = c.Location, QueryLanguage = c.Language, Comment = c.Comment, Next = c.Next, IsEnd = c.IsEnd,
            InputPath = c.InputPath, OutputPath = c.OutputPathValue?.Path, Assign = c.Assign, Output = c.Output,
            Seconds = seconds, Timestamp = timestamp, SecondsPath = secondsPath, TimestampPath = timestampPath,
            SecondsExpression = secondsExpression, TimestampExpression = timestampExpression,
        };
    }

    private static DateTimeOffset? ReadTimestamp(FieldReader r)
    {
        var text = r.String("Timestamp");
        if (text is null) return null;
        if (Rfc3339.TryParse(text, out var value)) return value;
        r.Error("Timestamp", "The value for the field 'Timestamp' must be a valid RFC3339 timestamp");
        return null;
    }

    private FailState ParseFail(FieldReader r, Common c)
    {
        string? error = null, cause = null;
        PayloadTemplate? errorTemplate = null, causeTemplate = null;
        if (c.Language == QueryLanguage.Jsonata)
        {
            (error, errorTemplate) = StringOrExpression(r, "Error");
            (cause, causeTemplate) = StringOrExpression(r, "Cause");
        }
        else
        {
            error = r.String("Error");
            cause = r.String("Cause");
            errorTemplate = PathOrIntrinsicTemplate(r, "ErrorPath");
            causeTemplate = PathOrIntrinsicTemplate(r, "CausePath");
            if (r.Has("Error") && r.Has("ErrorPath")) r.Error("", "The fields 'Error' and 'ErrorPath' cannot both be set");
            if (r.Has("Cause") && r.Has("CausePath")) r.Error("", "The fields 'Cause' and 'CausePath' cannot both be set");
        }
        return new FailState
        {
            Name = c.Name, Location = c.Location, QueryLanguage = c.Language, Comment = c.Comment,
            Error = error, Cause = cause, ErrorTemplate = errorTemplate, CauseTemplate = causeTemplate,
        };
    }

    private (string? Text, PayloadTemplate? Expression) StringOrExpression(FieldReader r, string field)
    {
        var text = r.String(field);
        if (text is null) return (null, null);
        return Templates.JsonataTemplate.ExpressionOf(text) is not null ? (null, JsonataTemplateOf(r, field)) : (text, null);
    }

    private static PayloadTemplate? PathOrIntrinsicTemplate(FieldReader r, string field) => r.PathOrIntrinsic(field) switch
    {
        JsonPath path => new PathTemplate(field, path),
        Intrinsics.IntrinsicFunction function => new IntrinsicTemplate(field, function),
        _ => null,
    };

    private ParallelState ParseParallel(FieldReader r, Common c, int depth)
    {
        var branches = new List<StateMachineBranch>();
        var array = r.Array("Branches", required: true);
        if (array is not null)
        {
            if (array.Count == 0) r.Error("Branches", "The field 'Branches' must contain at least one branch");
            for (var i = 0; i < array.Count; i++)
            {
                var at = $"{r.Location}/Branches/{i}";
                if (array[i] is not JsonObject branchObject)
                {
                    Add(DiagnosticCodes.SchemaValidationFailed, "A branch must be an OBJECT", at);
                    continue;
                }
                var br = new FieldReader(branchObject, at, _diagnostics);
                br.String("Comment");
                var branch = ParseBranch(br, at, _machineLanguage, depth + 1);
                br.RejectUnread();
                if (branch is not null) branches.Add(branch);
            }
        }
        var (parameters, arguments, selector, resultPath) = ResultFields(r, c.Language);
        var state = new ParallelState
        {
            Name = c.Name, Location = c.Location, QueryLanguage = c.Language, Comment = c.Comment, Next = c.Next, IsEnd = c.IsEnd,
            InputPath = c.InputPath, OutputPath = c.OutputPathValue?.Path, Assign = c.Assign, Output = c.Output,
            Branches = branches, Parameters = parameters, Arguments = arguments, ResultSelector = selector, ResultPath = resultPath,
            Retry = ParseRetry(r, c.Language), Catch = ParseCatch(r, c.Language),
        };
        foreach (var b in branches) b.Owner = state;
        return state;
    }

    private (PayloadTemplate? Parameters, PayloadTemplate? Arguments, PayloadTemplate? Selector, OptionalPath? ResultPath) ResultFields(FieldReader r, QueryLanguage language)
    {
        if (language == QueryLanguage.Jsonata)
        {
            return (null, r.Has("Arguments") ? JsonataTemplateOf(r, "Arguments") : null, null, null);
        }
        var parameters = r.Has("Parameters") ? JsonPathTemplateOf(r, "Parameters") : null;
        var selector = r.Has("ResultSelector") ? JsonPathTemplateOf(r, "ResultSelector") : null;
        return (parameters, null, selector, r.OptionalPath("ResultPath", reference: true));
    }
}
