using EcoBid.Images.Formats;
using EcoBid.Images.Hashing;
using EcoBid.Images.Moderation;
using EcoBid.Images.Processing;
using EcoBid.Images.Tests.Fixtures;

namespace EcoBid.Images.Tests.Moderation;

public class BasicImageModerationTests
{
    private static readonly PerceptualHash Hash = new(0x0F0F_0F0F_0F0F_0F0FUL);

    [Theory]
    [InlineData(199, 800, ImageModerationDecision.Reject)]
    [InlineData(800, 199, ImageModerationDecision.Reject)]
    [InlineData(200, 200, ImageModerationDecision.Approve)]
    [InlineData(4000, 3000, ImageModerationDecision.Approve)]
    public async Task Photos_with_a_short_edge_under_200_px_are_rejected(int width, int height, ImageModerationDecision decision)
    {
        var verdict = await new BasicImageModeration().ReviewAsync(Review(width, height), CancellationToken.None);

        verdict.Decision.ShouldBe(decision);
        if (decision == ImageModerationDecision.Reject)
            verdict.Reasons.Select(r => r.Code).ShouldBe([ImageProblemCodes.TooSmall]);
        else
            verdict.Reasons.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, ImageModerationDecision.FlagForReview)]
    [InlineData(6, ImageModerationDecision.FlagForReview)]
    [InlineData(7, ImageModerationDecision.Approve)]
    [InlineData(32, ImageModerationDecision.Approve)]
    public async Task Near_duplicates_of_the_sellers_other_images_are_flagged(int flippedBits, ImageModerationDecision decision)
    {
        var other = new SellerImage("img-2", Flip(Hash, flippedBits));

        var verdict = await new BasicImageModeration().ReviewAsync(Review(800, 600, other), CancellationToken.None);

        verdict.Decision.ShouldBe(decision);
    }

    [Fact]
    public async Task A_flag_names_each_near_duplicate_closest_first()
    {
        SellerImage[] others = [new("far", Flip(Hash, 30)), new("close", Flip(Hash, 5)), new("same", Hash)];

        var verdict = await new BasicImageModeration().ReviewAsync(Review(800, 600, others), CancellationToken.None);

        verdict.Decision.ShouldBe(ImageModerationDecision.FlagForReview);
        verdict.Reasons.Select(r => r.Code).ShouldAllBe(code => code == ImageProblemCodes.NearDuplicate);
        verdict.Reasons.Count.ShouldBe(2);
        verdict.Reasons[0].Message.ShouldContain("image same ");
        verdict.Reasons[0].Message.ShouldContain("distance 0");
        verdict.Reasons[1].Message.ShouldContain("image close ");
    }

    [Fact]
    public async Task A_too_small_photo_is_rejected_even_when_it_is_also_a_duplicate()
    {
        var verdict = await new BasicImageModeration().ReviewAsync(Review(100, 100, new SellerImage("x", Hash)), CancellationToken.None);

        verdict.Decision.ShouldBe(ImageModerationDecision.Reject);
    }

    [Fact]
    public async Task Thresholds_come_from_the_options()
    {
        var strict = new BasicImageModeration(new ImageModerationOptions { MinShortEdge = 1000, DuplicateDistance = 0 });

        (await strict.ReviewAsync(Review(1200, 900), CancellationToken.None)).Decision.ShouldBe(ImageModerationDecision.Reject);
        (await strict.ReviewAsync(Review(1200, 1000, new SellerImage("x", Flip(Hash, 1))), CancellationToken.None))
            .Decision.ShouldBe(ImageModerationDecision.Approve);
    }

    [Fact]
    public async Task The_same_photo_listed_again_at_another_size_is_flagged_end_to_end()
    {
        using var processor = new ImageProcessor();
        using var photo = TestImages.Photo(1600, 1200, seed: 21);
        using var smaller = photo.Resize(0.6);
        var first = (await processor.Process(photo.JpegsaveBuffer(), "image/jpeg")).Image!;
        var second = (await processor.Process(smaller.JpegsaveBuffer(q: 70), "image/jpeg")).Image!;
        var unrelated = (await processor.Process(TestImages.Jpeg(1600, 1200, seed: 22), "image/jpeg")).Image!;

        var moderation = new BasicImageModeration();
        var again = await moderation.ReviewAsync(ImageReview.Of(second, [new("first", first.Hash)]), CancellationToken.None);
        var other = await moderation.ReviewAsync(ImageReview.Of(unrelated, [new("first", first.Hash)]), CancellationToken.None);

        again.Decision.ShouldBe(ImageModerationDecision.FlagForReview);
        other.Decision.ShouldBe(ImageModerationDecision.Approve);
    }

    [Fact]
    public async Task A_review_of_a_processed_image_carries_its_facts_and_largest_JPEG()
    {
        using var processor = new ImageProcessor();
        var image = (await processor.Process(TestImages.Jpeg(1600, 1200), "image/jpeg")).Image!;

        var review = ImageReview.Of(image, []);

        (review.Width, review.Height, review.Bytes, review.Hash).ShouldBe((1600, 1200, image.SourceBytes, image.Hash));
        review.Preview.ShouldBe(image.Rendition("large", ImageFormat.Jpeg));
    }

    [Fact]
    public void A_flag_or_a_rejection_needs_a_reason()
    {
        Should.Throw<ArgumentException>(() => ImageModerationVerdict.FlagForReview([]));
        Should.Throw<ArgumentException>(() => ImageModerationVerdict.Reject([]));
    }

    private static ImageReview Review(int width, int height, params SellerImage[] others) => new(width, height, 100_000, Hash, others);

    private static PerceptualHash Flip(PerceptualHash hash, int bits) =>
        new(hash.Value ^ (bits == 64 ? ulong.MaxValue : (1UL << bits) - 1));
}
