using System.Net.Http.Json;
using EcoBid.Events;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Storage;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Admin;

/// <summary>A handler that keeps failing is retried, dead-lettered after 3 receives, and comes back by redrive.</summary>
public sealed class DeadLetterTests : IDisposable
{
    private const string Rules = """
        {
          "targets": {
            "ProcessNewItem": {}, "Index": {}, "Moderate": {}, "UpdateStats": {}, "AccountEmails": {},
            "Flaky": { "maxReceiveCount": 3, "backoffBaseMilliseconds": 20, "backoffCapSeconds": 1 }
          },
          "rules": [
            { "name": "ItemCreated", "eventPattern": { "source": ["ecobid.items"], "detail-type": ["ItemCreated"] },
              "targets": ["ProcessNewItem", "Index", "Moderate", "UpdateStats", "Flaky"] },
            { "name": "AccountEmails", "eventPattern": { "source": ["ecobid.users"], "detail-type": ["UserRegistered"] }, "targets": ["AccountEmails"] }
          ]
        }
        """;

    private readonly FlakySwitch _switch = new();
    private readonly EcoBidApp _app;

    public DeadLetterTests()
    {
        _app = new EcoBidApp().WithRules(Rules).WithServices(services =>
        {
            services.AddSingleton(_switch);
            services.AddEventHandler<FlakyHandler>("Flaky");
        });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_poison_message_is_dead_lettered_after_3_receives_without_blocking_other_targets_and_returns_by_redrive()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, client) = await _app.SignUpAdminAsync();
        var itemId = await seller.CreateItemAsync();
        var eventId = await _app.Database.ItemCreatedEventIdAsync(itemId);

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.DeadLettered && a.EventId == eventId && a.Queue == "Flaky");
        foreach (var target in new[] { "ProcessNewItem", "Index", "Moderate", "UpdateStats" })
        {
            await _app.WaitForHandledAsync(eventId, target);
        }

        _switch.Attempts.ShouldBe(3);
        _app.Monitor.Recent.Count(a => a.Kind == RuntimeActivityKind.Failed && a.EventId == eventId).ShouldBe(2);

        var letters = await (await client.GetAsync("/admin/dlq/Flaky")).ReadJsonAsync();
        letters.GetArrayLength().ShouldBe(1);
        var letter = letters[0];
        letter.GetProperty("eventId").GetString().ShouldBe(eventId);
        letter.GetProperty("sourceQueue").GetString().ShouldBe("Flaky");
        letter.GetProperty("receiveCount").GetInt32().ShouldBe(3);
        letter.GetProperty("lastError").GetString().ShouldBe("InvalidOperationException: the flaky dependency is down (attempt 3)");

        var queues = await (await client.GetAsync("/admin/queues")).ReadJsonAsync();
        var flaky = queues.EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "Flaky");
        flaky.GetProperty("deadLettered").GetInt64().ShouldBe(1);
        flaky.GetProperty("visible").GetInt64().ShouldBe(0);

        var alert = await _app.Database.CountAsync(
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'ErrorOccurred' AND json_extract(envelope, '$.detail.eventId') = @eventId AND json_extract(envelope, '$.detail.target') = 'Flaky' AND CAST(json_extract(envelope, '$.detail.receiveCount') AS INTEGER) = 3",
            new { eventId });
        alert.ShouldBe(1);

        _switch.Broken = false;
        var redrive = await client.PostAsJsonAsync("/admin/dlq/Flaky/redrive", new { });
        (await redrive.ReadJsonAsync()).GetProperty("redriven").GetInt32().ShouldBe(1);

        await _app.WaitForHandledAsync(eventId, "Flaky");
        _switch.Effects.ShouldBe(1);
        (await (await client.GetAsync("/admin/dlq/Flaky")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Purging_a_dead_letter_queue_needs_the_queue_name_as_confirmation()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, client) = await _app.SignUpAdminAsync();
        var eventId = await _app.Database.ItemCreatedEventIdAsync(await seller.CreateItemAsync());
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.DeadLettered && a.EventId == eventId);

        (await (await client.DeleteAsync("/admin/dlq/Flaky")).ShouldBeProblemAsync(400)).ErrorFields().ShouldBe(["confirm"]);
        (await (await client.DeleteAsync("/admin/dlq/Flaky?confirm=Index")).ShouldBeProblemAsync(400)).ErrorFields().ShouldBe(["confirm"]);
        (await (await client.GetAsync("/admin/dlq/Flaky")).ReadJsonAsync()).GetArrayLength().ShouldBe(1);

        var purged = await (await client.DeleteAsync("/admin/dlq/Flaky?confirm=Flaky")).ReadJsonAsync();
        purged.GetProperty("purged").GetInt32().ShouldBe(1);
        (await (await client.GetAsync("/admin/dlq/Flaky")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("GET", "/admin/dlq/NoSuchQueue")]
    [InlineData("POST", "/admin/dlq/NoSuchQueue/redrive")]
    [InlineData("DELETE", "/admin/dlq/NoSuchQueue?confirm=NoSuchQueue")]
    public async Task An_unknown_queue_is_a_404_problem(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

        var (_, admin) = await _app.SignUpAdminAsync();
        await (await admin.SendAsync(request)).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Admin_endpoints_need_the_admin_role()
    {
        await (await _app.CreateClient().GetAsync("/admin/queues")).ShouldBeProblemAsync(401);
        var (_, person) = await _app.SignUpAsync();
        await (await person.GetAsync("/admin/queues")).ShouldBeProblemAsync(403);
        await (await person.PostAsJsonAsync("/admin/dlq/Flaky/redrive", new { })).ShouldBeProblemAsync(403);
        await (await person.DeleteAsync("/admin/dlq/Flaky?confirm=Flaky")).ShouldBeProblemAsync(403);
        await (await person.GetAsync("/admin/schedules")).ShouldBeProblemAsync(403);
    }

    public sealed class FlakySwitch
    {
        private int _attempts;
        private int _effects;
        private volatile bool _broken = true;

        public bool Broken
        {
            get => _broken;
            set => _broken = value;
        }

        public int Attempts => _attempts;

        public int Effects => _effects;

        public int Attempt() => Interlocked.Increment(ref _attempts);

        public void Effect() => Interlocked.Increment(ref _effects);
    }

    public sealed class FlakyHandler(FlakySwitch flaky) : IEventHandler
    {
        public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
        {
            var attempt = flaky.Attempt();
            if (flaky.Broken)
            {
                throw new InvalidOperationException($"the flaky dependency is down (attempt {attempt})");
            }

            flaky.Effect();
            return Task.CompletedTask;
        }
    }
}
