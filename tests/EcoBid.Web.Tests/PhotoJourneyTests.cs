using System.Globalization;
using System.Text.RegularExpressions;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

/// <summary>
/// A giver adds a photo on the edit page: the page uploads it to the signed URL, follows its processing and shows the
/// thumbnail; browsing and the item page then show the photo over its placeholder colour.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PhotoJourneyTests(WebFixture web)
{
    private static readonly int[] Terracotta = [200, 120, 40];

    [Fact]
    public async Task A_giver_adds_a_photo_on_the_edit_page_sees_its_thumbnail_and_browsing_and_the_item_page_show_it()
    {
        var (email, giver) = await People.SignedInAsync(web, "Ola");
        var title = "Terracotta pot " + Guid.NewGuid().ToString("N")[..6];
        var itemId = await People.PostItemAsync(web.Server, email, title);

        await giver.GotoAsync($"/item/{itemId}/edit");
        await Expect(giver.GetByRole(AriaRole.Heading, new() { Name = "Photos" })).ToBeVisibleAsync();
        await giver.EvaluateAsync("""
            () => {
              window.sawProgress = false;
              new MutationObserver(() => { window.sawProgress ||= document.querySelector('.photo-list progress') !== null; })
                .observe(document.body, { subtree: true, childList: true });
            }
            """);
        await giver.Locator("[data-photo-input]").SetInputFilesAsync(new FilePayload { Name = "pot.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.FlatJpeg(800, 600, Terracotta) });

        var photo = giver.Locator(".photo-list .photo");
        await Expect(photo).ToHaveCountAsync(1);
        await Expect(photo).ToHaveAttributeAsync("data-status", "ready", new() { Timeout = 30_000 });
        await Expect(photo.Locator("[data-photo-state]")).ToHaveTextAsync("Ready");
        await Expect(photo.Locator("progress")).ToHaveCountAsync(0);
        (await giver.EvaluateAsync<bool>("() => window.sawProgress")).ShouldBeTrue("the upload showed its progress");
        var thumb = await photo.Locator("img.thumb").GetAttributeAsync("src");
        thumb.ShouldNotBeNull();
        thumb.ShouldMatch("^/images/[^/]+/[0-9a-f]{64}\\.webp$");
        (await photo.Locator("img.thumb").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1")).ShouldBe(160);

        // After a reload the edit page lists the photo from the API.
        await giver.ReloadAsync();
        await Expect(giver.Locator($".photo-list .photo[data-status=ready] img[src='{thumb}']")).ToBeVisibleAsync();

        // Browsing shows the cover over the photo's own average colour.
        var visitor = await web.Browser.NewPageAsync(web.Server);
        await visitor.GotoAsync("/?place=" + Uri.EscapeDataString("52.2297, 21.0122") + "&radiusKm=5&q=" + Uri.EscapeDataString(title));
        var cover = visitor.Locator($"[data-item-id='{itemId}'] img.thumb.photo");
        await Expect(cover).ToHaveAttributeAsync("src", thumb);
        ShouldBeNear(await cover.EvaluateAsync<string>("img => getComputedStyle(img).backgroundColor"), Terracotta);

        // The item page shows the medium rendition.
        await visitor.GotoAsync($"/item/{itemId}");
        var large = visitor.Locator("img.thumb.photo.large");
        await Expect(large).ToHaveAttributeAsync("src", new Regex("^/images/[^/]+/[0-9a-f]{64}\\.webp$"));
        (await large.GetAttributeAsync("src")).ShouldNotBe(thumb);
        await Expect(large).ToHaveJSPropertyAsync("naturalWidth", 480);

        web.Browser.ErrorsOf(giver).ShouldBeEmpty();
        web.Browser.ErrorsOf(visitor).ShouldBeEmpty();
        web.Browser.ForeignRequests.ShouldBeEmpty();
    }

    private static void ShouldBeNear(string cssColour, int[] rgb)
    {
        var parts = Regex.Matches(cssColour, "\\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Take(3).ToArray();
        parts.Length.ShouldBe(3, cssColour);
        for (var i = 0; i < 3; i++)
        {
            Math.Abs(parts[i] - rgb[i]).ShouldBeLessThanOrEqualTo(4, $"{cssColour} is not near rgb({string.Join(", ", rgb)})");
        }
    }
}
