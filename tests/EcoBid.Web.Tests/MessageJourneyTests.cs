using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

/// <summary>The seeds' 202 → queue → save → push pattern, as a person sees it: "Sending", then "Sent".</summary>
[Collection(WebCollection.Name)]
public sealed class MessageJourneyTests(WebFixture web)
{
    [Fact]
    public async Task A_message_shows_sending_then_sent_when_the_live_frame_arrives_and_reaches_the_giver_live()
    {
        var (giverEmail, giver) = await People.SignedInAsync(web, "Hanna");
        var (_, asker) = await People.SignedInAsync(web, "Igor", width: 360);
        var itemId = await People.PostItemAsync(web.Server, giverEmail, "Kettle " + Guid.NewGuid().ToString("N")[..6], category: "kitchen");

        await asker.GotoAsync($"/item/{itemId}");
        await Expect(asker.Locator("html[data-live=on]")).ToBeAttachedAsync();
        await asker.GetByRole(AriaRole.Button, new() { Name = "Message the giver" }).ClickAsync();
        await Expect(asker.GetByRole(AriaRole.Heading, new() { Name = "Conversation" })).ToBeVisibleAsync();
        var conversationUrl = asker.Url;

        await giver.GotoAsync(conversationUrl);
        await Expect(giver.Locator("html[data-live=on]")).ToBeAttachedAsync();

        // Blazor's script loads after the first paint; once it runs, the form post stays on this page (enhanced).
        await asker.WaitForFunctionAsync("() => !!window.Blazor");
        // Record every state the asker's page shows for messages, from the click on.
        await asker.EvaluateAsync(@"() => {
            window.__states = [];
            const list = document.querySelector('[data-messages]');
            const record = () => { for (const m of list.querySelectorAll('.message.mine')) window.__states.push(m.dataset.status); };
            new MutationObserver(record).observe(list, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
        }");
        var text = "Is it still there? <b>not bold</b>";
        await asker.GetByLabel("Your message").FillAsync(text);
        await asker.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var mine = asker.Locator(".message.mine[data-message-id]").Last;
        await Expect(mine).ToHaveAttributeAsync("data-status", "saved");
        await Expect(mine).ToHaveAttributeAsync("data-live", "true");
        await Expect(mine.Locator("[data-state]")).ToHaveTextAsync("Sent");
        var states = await asker.EvaluateAsync<string[]>("() => window.__states");
        states.ShouldContain("sending");
        states.Last().ShouldBe("saved");
        Array.IndexOf(states, "sending").ShouldBeLessThan(Array.LastIndexOf(states, "saved"));

        // The giver's open page gets it live, as text (the markup is shown, never run).
        var received = giver.Locator(".message.theirs").Last;
        await Expect(received.Locator(".body")).ToHaveTextAsync(text);
        (await received.Locator("b").CountAsync()).ShouldBe(0);
    }
}
