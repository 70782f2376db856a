using System.Text.Json.Nodes;
using EcoBid.Server.Aws.Protocol;

namespace EcoBid.Server.Tests.Aws;

public sealed class AwsShapeTests
{
    private static readonly AwsShape Shape = new(
        AwsMember.Text("stateMachineArn", required: true, min: 1, max: 256),
        AwsMember.Text("input", max: 10, sensitive: true),
        AwsMember.OneOf("type", "STANDARD", "EXPRESS"),
        AwsMember.WholeNumber("maxResults", 0, 1000),
        AwsMember.Structure("mock", new AwsShape(AwsMember.Structure("errorOutput", new AwsShape(AwsMember.Text("error", max: 3))))));

    [Theory]
    [InlineData("{}", "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"stateMachineArn":""}""", "1 validation error detected: Value '' at 'stateMachineArn' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData("""{"stateMachineArn":"a","input":"12345678901"}""", "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 10")]
    [InlineData("""{"stateMachineArn":"a","type":"LONG"}""", "1 validation error detected: Value 'LONG' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]")]
    [InlineData("""{"type":"LONG","maxResults":1001}""", "3 validation errors detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null; Value 'LONG' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]; Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000")]
    [InlineData("""{"stateMachineArn":"a","mock":{"errorOutput":{"error":"toolong"}}}""", "1 validation error detected: Value 'toolong' at 'mock.errorOutput.error' failed to satisfy constraint: Member must have length less than or equal to 3")]
    public void Broken_constraints_are_one_validation_exception_naming_each(string input, string message)
    {
        var error = Should.Throw<AwsException>(() => Shape.Check(JsonNode.Parse(input)!.AsObject()));
        error.Code.ShouldBe("ValidationException");
        error.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("""{"stateMachineArn":5}""")]
    [InlineData("""{"stateMachineArn":"a","maxResults":"5"}""")]
    [InlineData("""{"stateMachineArn":"a","maxResults":1.5}""")]
    [InlineData("""{"stateMachineArn":"a","mock":[]}""")]
    public void A_member_of_the_wrong_type_is_a_serialization_exception(string input) =>
        Should.Throw<AwsException>(() => Shape.Check(JsonNode.Parse(input)!.AsObject())).Code.ShouldBe("SerializationException");

    private static readonly AwsShape Capitalised = new(
        AwsMember.Text("Name", required: true, min: 1, max: 5) with { Pattern = "[a-z]+", Label = "name" });

    [Theory]
    [InlineData("{}", "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"Name":"ab1"}""", "1 validation error detected: Value 'ab1' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+")]
    [InlineData("""{"Name":"abc\n"}""", "1 validation error detected: Value 'abc\n' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+")]
    [InlineData("""{"Name":"Abcdef"}""", "2 validation errors detected: Value 'Abcdef' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+; Value 'Abcdef' at 'name' failed to satisfy constraint: Member must have length less than or equal to 5")]
    public void A_pattern_must_match_the_whole_value_and_messages_use_the_members_label(string input, string message)
    {
        var error = Should.Throw<AwsException>(() => Capitalised.Check(JsonNode.Parse(input)!.AsObject()));
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void A_value_matching_the_pattern_passes() =>
        Should.NotThrow(() => Capitalised.Check(JsonNode.Parse("""{"Name":"abc"}""")!.AsObject()));

    [Fact]
    public void Unknown_members_and_nulls_are_ignored() =>
        Should.NotThrow(() => Shape.Check(JsonNode.Parse("""{"stateMachineArn":"a","input":null,"somethingNew":true}""")!.AsObject()));
}
