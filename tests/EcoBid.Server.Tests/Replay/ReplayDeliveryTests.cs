using System.Collections.Concurrent;
using System.Net.Http.Json;
using EcoBid.Events;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Storage;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Replay;

/// <summary>What a replay delivers, to whom, and what the handlers see.</summary>
public sealed class ReplayDeliveryTests : IDisposable
{
    private const string Rules = """
        {
          "targets": { "ProcessNewItem": {}, "Index": {}, "Moderate": {}, "UpdateStats": {}, "Recorder": {}, "AccountEmails": {} },
          "rules": [
            { "name": "ItemCreated", "eventPattern": { "source": ["ecobid.items"], "detail-type": ["ItemCreated"] },
              "targets": ["ProcessNewItem", "Index", "Moderate", "Recorder"] },
            { "name": "CountEverything", "eventPattern": { "source": [{ "prefix": "ecobid." }] }, "targets": ["UpdateStats"] },
            { "name": "AccountEmails", "eventPattern": { "source": ["ecobid.users"], "detail-type": ["UserRegistered", "PasswordResetRequested"] }, "targets": ["AccountEmails"] }
          ]
        }
        """;

    private readonly EnvelopeRecorder _recorder = new();
    private readonly EcoBidApp _app;

    public ReplayDeliveryTests()
    {
        _app = new EcoBidApp().WithRules(Rules).WithServices(services =>
        {
            services.AddSingleton(_recorder);
            services.AddEventHandler<RecordingHandler>("Recorder");
        });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_replayed_delivery_carries_the_replay_name_in_the_envelope_the_handler_sees()
    {
        var client = (await _app.AdminClientAsync());
        var eventIds = await CreateItemsAsync(client, ("Oak chair", "furniture"), ("Kids bike", "sports"));

        await client.StartReplayAsync("seen-by-handler", targets: ["Recorder"]);
        await client.WaitForReplayAsync("seen-by-handler");
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "Recorder", count: 4);

        var seen = _recorder.Seen.ToList();
        seen.Where(e => e.ReplayName is null).Select(e => e.Id).Order().ShouldBe(eventIds.Order());
        var replayed = seen.Where(e => e.ReplayName is not null).ToList();
        replayed.Select(e => e.Id).Order().ShouldBe(eventIds.Order());
        replayed.ShouldAllBe(e => e.ReplayName == "seen-by-handler");
        replayed.Single(e => e.Id == eventIds[0]).Detail.GetProperty("title").GetString().ShouldBe("Oak chair");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM inbox WHERE consumer = 'Recorder' AND message_key LIKE '%#replay:seen-by-handler'")).ShouldBe(2);

        // A finished replay cannot be cancelled, and its name cannot be used again.
        await (await client.PostAsync("/admin/replays/seen-by-handler/cancel", null)).ShouldBeProblemAsync(409);
        await (await client.StartReplayAsync("seen-by-handler", targets: ["Recorder"])).ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task Only_events_matching_the_replays_pattern_are_delivered()
    {
        var client = (await _app.AdminClientAsync());
        var eventIds = await CreateItemsAsync(client, ("Oak chair", "furniture"), ("Kids bike", "sports"), ("Tennis racket", "sports"), ("Pine shelf", "furniture"));

        await client.StartReplayAsync("sports-only", """{"detail":{"category":["sports"]}}""", ["Recorder"]);
        var status = await client.WaitForReplayAsync("sports-only");
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "Recorder", count: 6);

        var archived = await _app.Database.CountAsync("SELECT COUNT(*) FROM event_archive");
        status.GetProperty("total").GetInt64().ShouldBe(archived);
        status.GetProperty("scanned").GetInt64().ShouldBe(archived);
        status.GetProperty("matched").GetInt64().ShouldBe(2);
        status.GetProperty("delivered").GetInt64().ShouldBe(2);
        _recorder.Seen.Where(e => e.ReplayName == "sports-only").Select(e => e.Id).Order().ShouldBe(new[] { eventIds[1], eventIds[2] }.Order());
    }

    [Fact]
    public async Task Replaying_account_events_sends_nobody_a_new_link()
    {
        var client = await _app.AdminClientAsync();
        var (user, _) = await _app.SignUpAsync();
        (await _app.CreateClient().PostAsJsonAsync("/auth/password/forgot", new { email = user.Email })).EnsureSuccessStatusCode();
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "AccountEmails", count: 3); // two sign-ups, one reset
        await Eventually.TrueAsync(async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox") == 0, what: "the account emails are sent");
        var tokens = await _app.Database.CountAsync("SELECT COUNT(*) FROM account_tokens");
        var mails = Directory.GetFiles(_app.MailFolder, "*.eml").Length;

        await client.StartReplayAsync("accounts", targets: ["AccountEmails"]);
        await client.WaitForReplayAsync("accounts");
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "AccountEmails", count: 6);

        (await _app.Database.CountAsync("SELECT COUNT(*) FROM account_tokens")).ShouldBe(tokens);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox")).ShouldBe(0);
        Directory.GetFiles(_app.MailFolder, "*.eml").Length.ShouldBe(mails);
    }

    [Fact]
    public async Task Replaying_only_to_Index_leaves_the_UpdateStats_counters_as_they_were()
    {
        var client = (await _app.AdminClientAsync());
        await CreateItemsAsync(client, ("Oak chair", "furniture"), ("Kids bike", "sports"), ("Pine shelf", "furniture"));
        var counters = await CountersAsync(client);
        counters["events.ItemCreated"].ShouldBe(3);

        await client.StartReplayAsync("index-only", targets: ["Index"]);
        await client.WaitForReplayAsync("index-only");
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "Index", count: 6);

        (await CountersAsync(client)).ShouldBe(counters);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM inbox WHERE message_key LIKE '%#replay:index-only'")).ShouldBe(3);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM inbox WHERE consumer = 'Index' AND message_key LIKE '%#replay:index-only'")).ShouldBe(3);
        _recorder.Seen.ShouldNotContain(e => e.ReplayName != null);
    }

    [Fact]
    public async Task Without_targets_a_replay_goes_to_every_target_whose_rules_match_so_counters_count_again()
    {
        var client = (await _app.AdminClientAsync());
        var eventIds = await CreateItemsAsync(client, ("Oak chair", "furniture"), ("Kids bike", "sports"));

        await client.StartReplayAsync("everything", """{"source":["ecobid.items"]}""");
        var status = await client.WaitForReplayAsync("everything");

        // The two items' events, handled live and replayed (UpdateStats also counts the admin's sign-up).
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "UpdateStats" && eventIds.Contains(a.EventId), count: 4);

        // Five targets match ItemCreated; this is why docs/replay.md asks for explicit targets.
        status.GetProperty("delivered").GetInt64().ShouldBe(10);
        (await CountersAsync(client))["events.ItemCreated"].ShouldBe(4);
    }

    private async Task<List<string>> CreateItemsAsync(HttpClient client, params (string Title, string Category)[] items)
    {
        var eventIds = new List<string>();
        foreach (var (title, category) in items)
        {
            eventIds.Add(await _app.Database.ItemCreatedEventIdAsync(await client.CreateItemAsync(Requests.Item(title: title, category: category))));
        }

        foreach (var eventId in eventIds)
        {
            foreach (var target in new[] { "ProcessNewItem", "Index", "Moderate", "UpdateStats", "Recorder" })
            {
                await _app.WaitForHandledAsync(eventId, target);
            }
        }

        return eventIds;
    }

    private static async Task<Dictionary<string, long>> CountersAsync(HttpClient client) =>
        (await (await client.GetAsync("/stats")).ReadJsonAsync()).GetProperty("counters").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt64());

    public sealed class EnvelopeRecorder
    {
        public ConcurrentQueue<EventEnvelope> Seen { get; } = new();
    }

    public sealed class RecordingHandler(EnvelopeRecorder recorder) : IEventHandler
    {
        public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
        {
            recorder.Seen.Enqueue(envelope);
            return Task.CompletedTask;
        }
    }
}
