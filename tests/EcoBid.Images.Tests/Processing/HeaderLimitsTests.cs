using EcoBid.Images.Processing;

namespace EcoBid.Images.Tests.Processing;

public class HeaderLimitsTests
{
    private static readonly ImageProcessingOptions Defaults = new();

    [Theory]
    [InlineData(8000, 5000, 1, new string[0])]                                   // exactly 40 MP
    [InlineData(8001, 5000, 1, new[] { ImageProblemCodes.TooManyPixels })]
    [InlineData(20000, 20000, 1, new[] { ImageProblemCodes.TooManyPixels })]
    [InlineData(65535, 65535, 1, new[] { ImageProblemCodes.TooManyPixels })]    // the product overflows an int
    [InlineData(4000, 200, 1, new string[0])]                                    // exactly 1:20
    [InlineData(4001, 200, 1, new[] { ImageProblemCodes.BadAspectRatio })]
    [InlineData(200, 4001, 1, new[] { ImageProblemCodes.BadAspectRatio })]
    [InlineData(1, 5000, 1, new[] { ImageProblemCodes.BadAspectRatio })]
    [InlineData(600, 400, 2, new[] { ImageProblemCodes.Animated })]
    [InlineData(60000, 1000, 12, new[] { ImageProblemCodes.TooManyPixels, ImageProblemCodes.BadAspectRatio, ImageProblemCodes.Animated })]
    public void Header_facts_alone_decide_the_bomb_checks(int width, int height, int pages, string[] codes) =>
        HeaderLimits.Check(new ImageHeader(width, height, 1, pages, "jpegload_buffer"), Defaults)
            .Select(p => p.Code).ShouldBe(codes);

    [Fact]
    public void Limits_come_from_the_options()
    {
        var strict = new ImageProcessingOptions { MaxPixels = 1_000_000, MaxAspectRatio = 2 };

        HeaderLimits.Check(new ImageHeader(1001, 1000, 1, 1, null), strict).Select(p => p.Code).ShouldBe([ImageProblemCodes.TooManyPixels]);
        HeaderLimits.Check(new ImageHeader(300, 100, 1, 1, null), strict).Select(p => p.Code).ShouldBe([ImageProblemCodes.BadAspectRatio]);
    }

    [Theory]
    [InlineData(1, 400, 300)]
    [InlineData(3, 400, 300)]
    [InlineData(5, 300, 400)]
    [InlineData(6, 300, 400)]
    [InlineData(8, 300, 400)]
    public void Quarter_turn_orientations_swap_width_and_height(int orientation, int width, int height) =>
        new ImageHeader(400, 300, orientation, 1, null).Upright.ShouldBe((width, height));
}
