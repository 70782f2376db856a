namespace EcoBid.Jsonata.Tests.Support;

/// <summary>
/// Base of the table tests: each case is (input document, expression, expected JSON), where an expected value of
/// null means the expression yields no value (undefined), as opposed to the JSON text "null".
/// </summary>
[Collection(JsonataCollection.Name)]
public abstract class LanguageTable(JsonataFixture fixture)
{
    protected JsonataFixture Fixture { get; } = fixture;

    protected void Check(string document, string expression, string? expected) =>
        Check(Fixture.Engine, document, expression, expected);

    protected static void Check(JsonataEngine engine, string document, string expression, string? expected)
    {
        var result = engine.Evaluate(expression, SampleDocuments.Get(document));
        if (expected is null)
        {
            result.IsDefined.ShouldBeFalse($"{expression} should have no value but gave {result.Value?.ToJsonString() ?? "null"}");
            return;
        }

        result.IsDefined.ShouldBeTrue($"{expression} should have a value");
        JsonAssert.Equal(expected, result.Value, expression);
    }
}
