using System.Text.Json.Nodes;
using EcoBid.Workflows.Json;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.Json;

public class JsonPathTests
{
    private const string Store = """
        {"store":{"book":[
          {"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},
          {"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99},
          {"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99},
          {"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}],
          "bicycle":{"color":"red","price":19.95}},
         "a b":{"c":1}, "list":[1,2,3,4,5]}
        """;

    [Theory]
    [InlineData("$", null)]
    [InlineData("$.store.bicycle.color", "\"red\"")]
    [InlineData("$['store']['bicycle']['price']", "19.95")]
    [InlineData("$.store.book[0].author", "\"Nigel Rees\"")]
    [InlineData("$.store.book[-1].title", "\"The Lord of the Rings\"")]
    [InlineData("$['a b'].c", "1")]
    [InlineData("$.store.book[*].author", "[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\",\"J. R. R. Tolkien\"]")]
    [InlineData("$..price", "[8.95,12.99,8.99,22.99,19.95]")]
    [InlineData("$.store.book[0,1].price", "[8.95,12.99]")]
    [InlineData("$.store.book[:2].price", "[8.95,12.99]")]
    [InlineData("$.store.book[-2:].price", "[8.99,22.99]")]
    [InlineData("$.store.book[1:3].price", "[12.99,8.99]")]
    [InlineData("$.store.book[?(@.isbn)].title", "[\"Moby Dick\",\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[?(@.price < 10)].title", "[\"Sayings of the Century\",\"Moby Dick\"]")]
    [InlineData("$.store.book[?(@.price > 10 && @.category == 'fiction')].price", "[12.99,22.99]")]
    [InlineData("$.store.book[?(@.author == 'Nigel Rees' || @.price > 20)].price", "[8.95,22.99]")]
    [InlineData("$.store.book[?(@.author =~ /.*Melville/)].price", "[8.99]")]
    [InlineData("$.store.book[?(@.category in ['reference'])].price", "[8.95]")]
    [InlineData("$.list[?(@ >= 4)]", "[4,5]")]
    [InlineData("$.list.length()", "5")]
    [InlineData("$.store.book.length()", "4")]
    [InlineData("$.nothing[*]", "[]")]
    public void Selects_like_Jayway(string path, string? expected)
    {
        var input = JsonNode.Parse(Store);
        JsonPath.Parse(path).TryEvaluate(input, input, out var result).ShouldBeTrue();
        if (expected is null) result.ShouldBeSameAs(input);
        else result.ShouldBeJson(expected);
    }

    [Theory]
    [InlineData("$.missing", "$['missing']")]
    [InlineData("$.store.missing.x", "$['store']['missing']['x']")]
    [InlineData("$.store.book[9]", "$['store']['book'][9]")]
    [InlineData("$.store.bicycle.color.x", "$['store']['bicycle']['color']['x']")]
    public void A_definite_path_without_a_match_finds_nothing_and_names_itself_as_Jayway_does(string path, string normalized)
    {
        var input = JsonNode.Parse(Store);
        var compiled = JsonPath.Parse(path);
        compiled.TryEvaluate(input, input, out _).ShouldBeFalse();
        compiled.Normalized.ShouldBe(normalized);
    }

    [Theory]
    [InlineData("$.a", true, true)]
    [InlineData("$.a[0].b", true, true)]
    [InlineData("$['a']", true, true)]
    [InlineData("$.a[*]", false, false)]
    [InlineData("$..a", false, false)]
    [InlineData("$.a[-1]", true, false)]
    [InlineData("$.a[?(@.x)]", false, false)]
    public void Knows_definite_and_reference_paths(string path, bool definite, bool reference)
    {
        var compiled = JsonPath.Parse(path);
        compiled.IsDefinite.ShouldBe(definite);
        compiled.IsReference.ShouldBe(reference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("$.")]
    [InlineData("$[")]
    [InlineData("$.a[x]")]
    [InlineData("$.a[?(@.b ==)]")]
    public void Rejects_malformed_paths(string path) =>
        JsonPath.TryParse(path, out _, out _).ShouldBeFalse();

    [Fact]
    public void Context_and_variable_roots_are_recognised()
    {
        JsonPath.Parse("$$.Execution.Id").Root.ShouldBe(PathRoot.Context);
        var variable = JsonPath.Parse("$total.items[0]");
        variable.Root.ShouldBe(PathRoot.Variable);
        variable.VariableName.ShouldBe("total");
    }
}
