namespace EcoBid.Jsonata.Tests.Support;

/// <summary>
/// Engines shared by the table tests: loading jsonata.js costs about a second per engine. Their timeout is generous
/// because the build machine is shared; the limits themselves are tested with engines of their own.
/// </summary>
public sealed class JsonataFixture : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    public JsonataEngine Engine { get; } = new(new JsonataOptions { Timeout = Generous });

    public JsonataEngine StepFunctionsEngine { get; } = new(new JsonataOptions { Timeout = Generous, Functions = StepFunctionsFunctions.All });

    public void Dispose()
    {
        Engine.Dispose();
        StepFunctionsEngine.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class JsonataCollection : ICollectionFixture<JsonataFixture>
{
    public const string Name = "jsonata";
}
