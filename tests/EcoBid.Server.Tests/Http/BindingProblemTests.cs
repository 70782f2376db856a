using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Http;

/// <summary>A value the framework cannot bind is a 400 naming the parameter it was sent for.</summary>
public sealed class BindingProblemTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Role", "api");

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/items/x/bids?limit=abc", "limit", "whole number")]
    [InlineData("/items/x/bids?limit=1e309", "limit", "whole number")]
    [InlineData("/items/x/bids?before=99999999999999999999", "before", "whole number")]
    [InlineData("/events/schemas/ItemCreated?version=one", "version", "whole number")]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_the_parameter_not_the_body(string url, string parameter, string expected)
    {
        var problem = await (await _app.CreateClient().GetAsync(url)).ShouldBeProblemAsync(400);

        problem.ErrorFields().ShouldBe([parameter]);
        problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!.ShouldContain(expected);
    }

    [Fact]
    public async Task A_missing_body_is_still_named_body()
    {
        var problem = await (await _app.CreateClient().PostAsync("/auth/login", null)).ShouldBeProblemAsync(400);

        problem.ErrorFields().ShouldBe(["body"]);
    }
}
