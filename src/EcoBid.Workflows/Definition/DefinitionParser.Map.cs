using System.Text.Json.Nodes;
using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

internal sealed partial class DefinitionParser
{
    private MapState? ParseMap(FieldReader r, Common c, int depth)
    {
        StateMachineBranch? processor = null;
        var distributed = false;
        var processorField = r.Has("ItemProcessor") ? "ItemProcessor" : r.Has("Iterator") && c.Language == QueryLanguage.JsonPath ? "Iterator" : null;
        if (r.Has("ItemProcessor") && r.Has("Iterator")) r.Error("", "The fields 'ItemProcessor' and 'Iterator' cannot both be set");
        if (processorField is null)
        {
            r.Missing("ItemProcessor");
        }
        else if (r.ObjectField(processorField) is { } processorObject)
        {
            var at = r.At(processorField);
            var pr = new FieldReader(processorObject, at, _diagnostics);
            if (processorField == "ItemProcessor" && pr.ObjectField("ProcessorConfig") is { } config)
            {
                var cr = new FieldReader(config, pr.At("ProcessorConfig"), _diagnostics);
                var mode = cr.String("Mode");
                if (mode is not (null or "INLINE" or "DISTRIBUTED")) cr.Error("Mode", "The value for the field 'Mode' must be one of [INLINE, DISTRIBUTED]");
                distributed = mode == "DISTRIBUTED";
                var executionType = cr.String("ExecutionType");
                if (executionType is not (null or "STANDARD" or "EXPRESS")) cr.Error("ExecutionType", "The value for the field 'ExecutionType' must be one of [STANDARD, EXPRESS]");
                if (!distributed && executionType is not null) cr.Error("ExecutionType", "The field 'ExecutionType' is only supported when the Mode is DISTRIBUTED");
                cr.RejectUnread();
            }
            pr.String("Comment");
            processor = ParseBranch(pr, at, _machineLanguage, depth + 1);
            pr.RejectUnread();
        }
        foreach (var unsupported in new[] { "ItemReader", "ResultWriter" })
        {
            if (r.Has(unsupported))
            {
                r.Accept(unsupported);
                r.Error(unsupported, $"The field '{unsupported}' is not supported by this engine (Distributed Map reads and writes S3)");
            }
        }
        r.String("Label");

        JsonPath? itemsPath = null;
        PayloadTemplate? items = null;
        if (c.Language == QueryLanguage.JsonPath)
        {
            itemsPath = r.Path("ItemsPath");
        }
        else if (r.Has("Items"))
        {
            items = JsonataTemplateOf(r, "Items");
        }

        PayloadTemplate? itemSelector = null;
        if (r.Has("ItemSelector"))
        {
            itemSelector = c.Language == QueryLanguage.Jsonata ? JsonataTemplateOf(r, "ItemSelector") : JsonPathTemplateOf(r, "ItemSelector");
        }
        PayloadTemplate? parameters = null;
        if (c.Language == QueryLanguage.JsonPath && r.Has("Parameters"))
        {
            if (r.Has("ItemSelector")) r.Error("", "The fields 'ItemSelector' and 'Parameters' cannot both be set");
            parameters = JsonPathTemplateOf(r, "Parameters");
        }

        var maxConcurrency = MapNumberOf(r, "MaxConcurrency", c.Language, 0, int.MaxValue);
        var toleratedCount = MapNumberOf(r, "ToleratedFailureCount", c.Language, 0, int.MaxValue);
        var toleratedPercentage = MapNumberOf(r, "ToleratedFailurePercentage", c.Language, 0, 100);

        MapNumber? maxItems = null, maxBytes = null;
        PayloadTemplate? batchInput = null;
        var batcher = r.ObjectField("ItemBatcher");
        if (batcher is not null)
        {
            var br = new FieldReader(batcher, r.At("ItemBatcher"), _diagnostics);
            maxItems = MapNumberOf(br, "MaxItemsPerBatch", c.Language, 1, int.MaxValue);
            maxBytes = MapNumberOf(br, "MaxInputBytesPerBatch", c.Language, 1, 256 * 1024);
            if (br.Has("BatchInput")) batchInput = c.Language == QueryLanguage.Jsonata ? JsonataTemplateOf(br, "BatchInput") : JsonPathTemplateOf(br, "BatchInput");
            if (maxItems is null && maxBytes is null) br.Error("", "The ItemBatcher must set MaxItemsPerBatch or MaxInputBytesPerBatch");
            br.RejectUnread();
        }

        PayloadTemplate? arguments = null, selector = null;
        OptionalPath? resultPath = null;
        if (c.Language == QueryLanguage.JsonPath)
        {
            if (r.Has("ResultSelector")) selector = JsonPathTemplateOf(r, "ResultSelector");
            resultPath = r.OptionalPath("ResultPath", reference: true);
        }
        else if (r.Has("Arguments"))
        {
            arguments = JsonataTemplateOf(r, "Arguments");
        }

        if (processor is null) return null;
        var state = new MapState
        {
            Name = c.Name, Location = c.Location, QueryLanguage = c.Language, Comment = c.Comment, Next = c.Next, IsEnd = c.IsEnd,
            InputPath = c.InputPath, OutputPath = c.OutputPathValue?.Path, Assign = c.Assign, Output = c.Output,
            Processor = processor, Distributed = distributed, Label = JsonNodes.AsString(r.Object["Label"]),
            ItemsPath = itemsPath, Items = items, ItemSelector = itemSelector ?? parameters,
            MaxConcurrency = maxConcurrency, ToleratedFailureCount = toleratedCount, ToleratedFailurePercentage = toleratedPercentage,
            HasItemBatcher = batcher is not null, MaxItemsPerBatch = maxItems, MaxInputBytesPerBatch = maxBytes, BatchInput = batchInput,
            Arguments = arguments, ResultSelector = selector, ResultPath = resultPath,
            Retry = ParseRetry(r, c.Language), Catch = ParseCatch(r, c.Language),
        };
        processor.Owner = state;
        return state;
    }

    /// <summary>A Map number given as <c>Field</c> (a number, or in JSONata an expression) or <c>FieldPath</c>.</summary>
    private MapNumber? MapNumberOf(FieldReader r, string field, QueryLanguage language, double min, double max)
    {
        var pathField = field + "Path";
        if (r.Has(field) && r.Has(pathField)) r.Error("", $"The fields '{field}' and '{pathField}' cannot both be set");
        if (language == QueryLanguage.JsonPath && r.Has(pathField))
        {
            var path = r.Path(pathField);
            return path is null ? null : new MapNumber(null, path, null, pathField);
        }
        if (!r.Has(field)) return null;
        if (language == QueryLanguage.Jsonata && JsonNodes.AsString(r.Object[field]) is { } text && Templates.JsonataTemplate.ExpressionOf(text) is not null)
        {
            return new MapNumber(null, null, JsonataTemplateOf(r, field), field);
        }
        var value = r.Number(field, min, max);
        return value is null ? null : new MapNumber(value, null, null, field);
    }
}
