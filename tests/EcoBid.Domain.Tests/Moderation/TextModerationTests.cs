using EcoBid.Domain.Moderation;

namespace EcoBid.Domain.Tests.Moderation;

public sealed class TextModerationTests
{
    private static readonly string[] Terms = ["replica", "stolen goods"];

    [Theory]
    [InlineData("Oak chair, barely used", "approved")]
    [InlineData("Designer bag (REPLICA)!", "flagged")]
    [InlineData("No stolen goods here", "flagged")]
    [InlineData("Replicable results", "approved")]
    public void Terms_flag_whole_words_and_phrases(string text, string status) =>
        TextModeration.Review(text, Terms).Status.ShouldBe(status);

    [Fact]
    public void The_verdict_names_the_terms_found() =>
        TextModeration.Review("replica of stolen goods", Terms).Reasons.ShouldBe(["replica", "stolen goods"]);
}
