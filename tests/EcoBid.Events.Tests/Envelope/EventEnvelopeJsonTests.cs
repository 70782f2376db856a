using System.Text.Json;
using EcoBid.Events.Envelope;

namespace EcoBid.Events.Tests.Envelope;

public sealed class EventEnvelopeJsonTests
{
    private static readonly EventEnvelope Full = new()
    {
        Id = "6a7e3b2c-1d4f-4e8a-9b0c-2d3e4f5a6b7c",
        Source = "ecobid.auctions",
        DetailType = "BidPlaced",
        Time = new DateTimeOffset(2030, 3, 1, 11, 15, 30, 123, TimeSpan.FromHours(2)),
        Detail = JsonSerializer.SerializeToElement(new { auctionId = "a-1", amount = 12.5, bidder = new { id = "u-7" } }),
        DetailVersion = 2,
        Account = "ecobid-eu",
        Region = "pl-waw",
        Resources = ["auction/a-1", "item/i-9"],
        CorrelationId = "corr-1",
        TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ReplayName = "replay-2030-03",
    };

    [Fact]
    public void An_envelope_survives_a_round_trip()
    {
        var back = EventEnvelope.FromJson(Full.ToJson());

        back.Id.ShouldBe(Full.Id);
        back.Source.ShouldBe(Full.Source);
        back.DetailType.ShouldBe(Full.DetailType);
        back.Time.ShouldBe(Full.Time);
        back.Version.ShouldBe(EventEnvelope.CurrentVersion);
        back.DetailVersion.ShouldBe(2);
        back.Account.ShouldBe("ecobid-eu");
        back.Region.ShouldBe("pl-waw");
        back.Resources.ShouldBe(["auction/a-1", "item/i-9"]);
        back.CorrelationId.ShouldBe("corr-1");
        back.TraceParent.ShouldBe(Full.TraceParent);
        back.ReplayName.ShouldBe("replay-2030-03");
        back.Detail.GetRawText().ShouldBe(Full.Detail.GetRawText());
        back.ToJson().ShouldBe(Full.ToJson());
    }

    [Fact]
    public void The_wire_form_uses_EventBridge_field_names()
    {
        using var document = JsonDocument.Parse(Full.ToJson());

        document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail",
            "detail-version", "correlation-id", "traceparent", "replay-name",
        ]);
        document.RootElement.GetProperty("detail-type").GetString().ShouldBe("BidPlaced");
        document.RootElement.GetProperty("correlation-id").GetString().ShouldBe("corr-1");
        document.RootElement.GetProperty("replay-name").GetString().ShouldBe("replay-2030-03");
    }

    [Fact]
    public void Time_is_written_in_UTC_ISO_8601_with_milliseconds()
    {
        using var document = JsonDocument.Parse(Full.ToJson());

        document.RootElement.GetProperty("time").GetString().ShouldBe("2030-03-01T09:15:30.123Z");
    }

    [Fact]
    public void Time_finer_than_a_millisecond_is_cut_to_the_millisecond()
    {
        var envelope = Full with { Time = new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1_239_999) };

        EventEnvelopeJson.FormatTime(envelope.Time).ShouldBe("2030-03-01T09:00:00.123Z");
        EventEnvelope.FromJson(envelope.ToJson()).Time.ShouldBe(new DateTimeOffset(2030, 3, 1, 9, 0, 0, 123, TimeSpan.Zero));
    }

    [Fact]
    public void Optional_fields_that_are_not_set_are_left_out()
    {
        var bare = Full with { CorrelationId = null, TraceParent = null, ReplayName = null };
        using var document = JsonDocument.Parse(bare.ToJson());

        document.RootElement.TryGetProperty("correlation-id", out _).ShouldBeFalse();
        document.RootElement.TryGetProperty("traceparent", out _).ShouldBeFalse();
        document.RootElement.TryGetProperty("replay-name", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_minimal_event_reads_with_defaults()
    {
        var envelope = EventEnvelope.FromJson("""{ "id": "e-1", "source": "ecobid.items", "detail-type": "ItemCreated", "time": "2030-03-01T09:00:00Z" }""");

        envelope.Version.ShouldBe("0");
        envelope.DetailVersion.ShouldBe(1);
        envelope.Account.ShouldBe("ecobid");
        envelope.Region.ShouldBe("local");
        envelope.Resources.ShouldBeEmpty();
        envelope.Detail.GetRawText().ShouldBe("{}");
        envelope.CorrelationId.ShouldBeNull();
        envelope.ReplayName.ShouldBeNull();
    }

    [Fact]
    public void A_time_without_an_offset_is_read_as_UTC()
    {
        var envelope = EventEnvelope.FromJson("""{ "id": "e-1", "source": "s", "detail-type": "T", "time": "2030-03-01T09:00:00.250" }""");

        envelope.Time.ShouldBe(new DateTimeOffset(2030, 3, 1, 9, 0, 0, 250, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("""{ "source": "s", "detail-type": "T", "time": "2030-03-01T09:00:00Z" }""", "id")]
    [InlineData("""{ "id": "e-1", "detail-type": "T", "time": "2030-03-01T09:00:00Z" }""", "source")]
    [InlineData("""{ "id": "e-1", "source": "s", "time": "2030-03-01T09:00:00Z" }""", "detail-type")]
    [InlineData("""{ "id": "e-1", "source": "s", "detail-type": "T" }""", "time")]
    [InlineData("""{ "id": 5, "source": "s", "detail-type": "T", "time": "2030-03-01T09:00:00Z" }""", "id")]
    public void A_missing_required_field_is_named(string json, string field)
    {
        Should.Throw<JsonException>(() => EventEnvelope.FromJson(json)).Message.ShouldBe($"The event envelope has no '{field}'.");
    }

    [Fact]
    public void An_envelope_must_be_a_JSON_object()
    {
        Should.Throw<JsonException>(() => EventEnvelope.FromJson("[1, 2]")).Message.ShouldBe("An event envelope must be a JSON object.");
    }
}
