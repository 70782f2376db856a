using System.Net;
using System.Net.Http.Json;
using EcoBid.Events.Contracts;
using EcoBid.Server.Cli;
using EcoBid.Server.Storage.Migration;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;
using EcoBid.Server.Tests.Search;
using Npgsql;

namespace EcoBid.Server.Tests.ScaleOut;

/// <summary>
/// <c>ecobid migrate</c>: a community grown on the embedded file moves to PostgreSQL and carries on there: the same
/// people sign in with the same passwords, their items are found by word and place, their reservation is theirs.
/// </summary>
[Collection(nameof(MarketplaceOnBroker))]
public sealed class MigrateToPostgresTests : IAsyncLifetime
{
    private string _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresTestServer.CreateSchemaAsync();

    public Task DisposeAsync() => PostgresTestServer.DropSchemaAsync(_postgres);

    [Fact]
    public async Task An_embedded_community_carries_on_on_PostgreSQL_with_every_row_counted_on_both_sides()
    {
        string sellerEmail, buyerEmail, itemId, listedId, reservationId;
        IReadOnlyList<TableCopy> copies;
        using (var embedded = new EcoBidApp().OnSqliteOnly())
        {
            var (seller, sellerClient) = await embedded.SignUpAsync(displayName: "Giver");
            var (buyer, buyerClient) = await embedded.SignUpAsync(displayName: "Taker");
            (sellerEmail, buyerEmail) = (seller.Email, buyer.Email);
            var ids = await embedded.PostSearchableAsync(sellerClient, Requests.Item(title: "Walnut bookcase"), Requests.Item(title: "Café table"));
            (itemId, listedId) = (ids[0], ids[1]);
            reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;

            // The file is read in one snapshot, so the running app cannot tear the copy.
            copies = await new SqliteToPostgresMigration(Path.Combine(embedded.DataDir, "ecobid.db"), _postgres, TimeProvider.System).RunAsync(null, CancellationToken.None);
        }

        copies.ShouldAllBe(c => c.Matches);
        copies.Single(c => c.Table == "users").SourceRows.ShouldBe(2);
        copies.Single(c => c.Table == "items").SourceRows.ShouldBe(2);
        copies.Single(c => c.Table == "event_archive").SourceRows.ShouldBeGreaterThan(4);

        using var scaled = new EcoBidApp().With("Storage", "postgres").With("Postgres:ConnectionString", _postgres);
        using var anonymous = scaled.CreateClient();
        // The reserved bookcase is no longer listed; the table is, found by a stemmed, unaccented word and by place.
        (await anonymous.SearchAsync("q=tables&lat=52.2297&lon=21.0122&radiusKm=5")).Ids().ShouldBe([listedId]);
        (await anonymous.SearchAsync("q=cafe&sort=relevance")).Ids().ShouldBe([listedId]);
        (await anonymous.SearchAsync("lat=52.2297&lon=21.0122&radiusKm=5&sort=distance")).Ids().ShouldBe([listedId]);
        var buyerClientThere = scaled.CreateClient().Authorize((await AccountFlow.SignInAsync(scaled.CreateClient(), buyerEmail)).GetProperty("accessToken").GetString()!);
        (await buyerClientThere.GetAsync($"/reservations/{reservationId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sellerClientThere = scaled.CreateClient().Authorize((await AccountFlow.SignInAsync(scaled.CreateClient(), sellerEmail)).GetProperty("accessToken").GetString()!);
        (await sellerClientThere.PostAsJsonAsync("/items", Requests.Item(title: "Posted after the move"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_database_that_already_holds_data_is_refused_and_keeps_it()
    {
        using var embedded = new EcoBidApp().OnSqliteOnly();
        await embedded.SignUpAsync();
        var file = Path.Combine(embedded.DataDir, "ecobid.db");
        (await new SqliteToPostgresMigration(file, _postgres, TimeProvider.System).RunAsync(null, CancellationToken.None)).ShouldAllBe(c => c.Matches);

        var refused = await Should.ThrowAsync<MigrationException>(() => new SqliteToPostgresMigration(file, _postgres, TimeProvider.System).RunAsync(null, CancellationToken.None));
        refused.Message.ShouldContain("already holds data");
        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM users", connection);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task The_command_names_a_missing_file_and_exits_non_zero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(["migrate", "--from", "/nonexistent/ecobid.db", "--to", _postgres], output, error);
        exit.ShouldBe(1);
        error.ToString().ShouldContain("There is no SQLite database at /nonexistent/ecobid.db");
    }
}
