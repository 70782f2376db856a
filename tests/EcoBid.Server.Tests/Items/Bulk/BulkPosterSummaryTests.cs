using EcoBid.Server.Handlers.BulkPostingFinished;

namespace EcoBid.Server.Tests.Items.Bulk;

public sealed class BulkPosterSummaryTests
{
    [Theory]
    [InlineData(12, 14, 2, "12 of 14 items posted; 2 need changes.")]
    [InlineData(13, 14, 1, "13 of 14 items posted; 1 needs changes.")]
    [InlineData(3, 3, 0, "3 of 3 items posted.")]
    [InlineData(0, 1, 1, "0 of 1 item posted; 1 needs changes.")]
    public void The_notice_says_how_many_were_posted_and_how_many_need_changes(int posted, int count, int needChanges, string text) =>
        NotifyBulkPoster.Summary(posted, count, needChanges).ShouldBe(text);
}
