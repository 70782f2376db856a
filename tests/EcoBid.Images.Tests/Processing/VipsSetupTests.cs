using System.Text;
using EcoBid.Images.Processing;
using EcoBid.Images.Tests.Fixtures;
using NetVips;

namespace EcoBid.Images.Tests.Processing;

public class VipsSetupTests
{
    public static TheoryData<string, Func<Image, byte[]>> Blocked => new()
    {
        { "GIF", image => image.GifsaveBuffer() },
        { "TIFF", image => image.TiffsaveBuffer() },
        { "SVG", _ => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"/>") },
        { "libvips matrix text", _ => Encoding.ASCII.GetBytes("2 2\n1 2\n3 4\n") },
        { "PPM", _ => Encoding.ASCII.GetBytes("P3\n1 1\n255\n1 2 3\n") },
    };

    public static TheoryData<string, Func<Image, byte[]>> Allowed => new()
    {
        { "JPEG", image => image.JpegsaveBuffer() },
        { "PNG", image => image.PngsaveBuffer() },
        { "WebP", image => image.WebpsaveBuffer() },
        { "AVIF", image => image.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Av1, effort: 0) },
    };

    [Theory]
    [MemberData(nameof(Blocked))]
    public void Every_loader_but_the_allowed_ones_is_blocked(string format, Func<Image, byte[]> save)
    {
        VipsSetup.EnsureApplied();
        using var picture = TestImages.Flat(16, 16, 10, 20, 30);
        var bytes = save(picture);

        Should.Throw<VipsException>(() =>
        {
            using var loaded = Image.NewFromBuffer(bytes);
            return loaded.Avg();
        }, format);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void The_allowed_loaders_still_load(string format, Func<Image, byte[]> save)
    {
        VipsSetup.EnsureApplied();
        using var picture = TestImages.Flat(16, 16, 10, 20, 30);

        using var loaded = Image.NewFromBuffer(save(picture));

        loaded.Width.ShouldBe(16, format);
    }

    [Fact]
    public void The_operation_cache_is_off_and_each_pipeline_has_one_thread()
    {
        VipsSetup.EnsureApplied();

        Cache.Max.ShouldBe(0);
        NetVips.NetVips.Concurrency.ShouldBe(1);
    }
}
