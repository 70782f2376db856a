using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

/// <summary>
/// A giver reorders and removes photos on the edit page with its plain forms: the edit page shows the new order,
/// the item page's cover is the first ready photo, and a removed photo is gone from the page and the API.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PhotoEditingTests(WebFixture web)
{
    [Fact]
    public async Task A_giver_moves_the_second_photo_first_then_removes_it_and_the_item_page_follows()
    {
        var (email, giver) = await People.SignedInAsync(web, "Zofia");
        var itemId = await People.PostItemAsync(web.Server, email, "Two-tone vase " + Guid.NewGuid().ToString("N")[..6]);

        await giver.GotoAsync($"/item/{itemId}/edit");
        await giver.Locator("[data-photo-input]").SetInputFilesAsync(
        [
            new FilePayload { Name = "red.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.FlatJpeg(800, 600, [190, 40, 40]) },
            new FilePayload { Name = "blue.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.FlatJpeg(800, 600, [40, 60, 190]) },
        ]);
        var photos = giver.Locator(".photo-list .photo");
        await Expect(photos).ToHaveCountAsync(2);
        await Expect(giver.Locator(".photo-list .photo[data-status=ready]")).ToHaveCountAsync(2, new() { Timeout = 30_000 });

        // Once both are ready the page is read again and each photo has the buttons that apply to its place.
        await Expect(photos.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Move earlier" })).ToBeVisibleAsync();
        await Expect(photos.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Move earlier" })).ToHaveCountAsync(0);
        await Expect(photos.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Move later" })).ToBeVisibleAsync();
        await Expect(photos.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Move later" })).ToHaveCountAsync(0);
        var uploaded = await IdsOnPageAsync(giver);
        uploaded.Length.ShouldBe(2);
        uploaded.ShouldBe(await IdsInApiAsync(itemId));
        var (red, blue) = (uploaded[0], uploaded[1]);

        await photos.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Move earlier" }).ClickAsync();
        await Expect(photos.First).ToHaveAttributeAsync("data-image-id", blue);
        await Expect(photos.Nth(1)).ToHaveAttributeAsync("data-image-id", red);
        await Expect(photos.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Move earlier" })).ToHaveCountAsync(0);
        await Expect(photos.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Move earlier" })).ToBeVisibleAsync();
        (await IdsInApiAsync(itemId)).ShouldBe([blue, red]);
        await giver.ReloadAsync();
        (await IdsOnPageAsync(giver)).ShouldBe([blue, red]);

        var visitor = await web.Browser.NewPageAsync(web.Server);
        await visitor.GotoAsync($"/item/{itemId}");
        await Expect(visitor.Locator("img.thumb.photo.large")).ToHaveAttributeAsync("src", new Regex($"^/images/{blue}/[0-9a-f]{{64}}\\.webp$"));

        await photos.First.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(photos).ToHaveCountAsync(1);
        await Expect(photos.First).ToHaveAttributeAsync("data-image-id", red);
        await Expect(photos.First.GetByRole(AriaRole.Button, new() { Name = "Move earlier" })).ToHaveCountAsync(0);
        (await IdsInApiAsync(itemId)).ShouldBe([red]);
        (await People.StatusOfAsync(web.Server, email, HttpMethod.Get, $"/items/{itemId}/images/{blue}")).ShouldBe(HttpStatusCode.NotFound);

        await visitor.ReloadAsync();
        await Expect(visitor.Locator("img.thumb.photo.large")).ToHaveAttributeAsync("src", new Regex($"^/images/{red}/"));
        (await visitor.Locator($"img[src^='/images/{blue}/']").CountAsync()).ShouldBe(0);

        web.Browser.ErrorsOf(giver).ShouldBeEmpty();
        web.Browser.ErrorsOf(visitor).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_script_the_photo_buttons_still_reorder_and_remove()
    {
        var email = await web.Server.SignUpAsync("Bogdan");
        var itemId = await People.PostItemAsync(web.Server, email, "Clay jug " + Guid.NewGuid().ToString("N")[..6]);
        var green = await TestPhotos.UploadReadyAsync(web.Server, email, itemId, TestPhotos.FlatJpeg(800, 600, [40, 160, 60]));
        var yellow = await TestPhotos.UploadReadyAsync(web.Server, email, itemId, TestPhotos.FlatJpeg(800, 600, [220, 200, 40]));
        var page = await web.Browser.NewPageAsync(web.Server, javaScript: false);
        await People.SignInAsync(page, email);

        await page.GotoAsync($"/item/{itemId}/edit");
        (await IdsOnPageAsync(page)).ShouldBe([green, yellow]);
        var photos = page.Locator(".photo-list .photo");
        await photos.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Move later" }).ClickAsync();
        await Expect(photos.First).ToHaveAttributeAsync("data-image-id", yellow);
        (await IdsOnPageAsync(page)).ShouldBe([yellow, green]);
        (await IdsInApiAsync(itemId)).ShouldBe([yellow, green]);

        await photos.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(photos).ToHaveCountAsync(1);
        (await IdsOnPageAsync(page)).ShouldBe([yellow]);
        (await IdsInApiAsync(itemId)).ShouldBe([yellow]);
    }

    /// <summary>The photos' ids in page order, read through attributes (so it works with script off too).</summary>
    private static async Task<string[]> IdsOnPageAsync(IPage page)
    {
        var ids = new List<string>();
        foreach (var photo in await page.Locator(".photo-list .photo").AllAsync())
        {
            ids.Add((await photo.GetAttributeAsync("data-image-id"))!);
        }

        return [.. ids];
    }

    /// <summary>The photos in the item's own order, as anyone reads them; the cover must be the first.</summary>
    private async Task<string[]> IdsInApiAsync(string itemId)
    {
        var item = await web.Server.Api.GetFromJsonAsync<JsonElement>($"/items/{itemId}");
        var ids = item.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
        item.GetProperty("cover").GetProperty("id").GetString().ShouldBe(ids[0]);
        return ids;
    }
}
