using Dapper;
using EcoBid.Server.Hosting;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;
using EcoBid.Server.Reservations;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Hosting;

/// <summary>A database with rows that point at items upgrades through the migration that rebuilds the items table.</summary>
public sealed class SchemaUpgradeTests : ScratchDatabaseTest
{
    [Fact]
    public async Task Rebuilding_the_items_table_keeps_the_reservations_that_point_at_it()
    {
        await Database.MigrateAsync([.. IdentitySchema.Scripts.Take(1), ItemsSchema.Scripts[0], ItemsSchema.Scripts[1], .. ReservationsSchema.Scripts.Take(1)]);
        await Database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            """
            INSERT INTO users (id, email, password_hash, display_name, role, created_at, updated_at) VALUES
                ('giver', 'giver@example.com', 'x', 'Giver', 'user', 0, 0), ('taker', 'taker@example.com', 'x', 'Taker', 'user', 0, 0);
            INSERT INTO items (id, seller_id, title, description, category, mode, status, lat, lon, geohash, created_at, updated_at)
                VALUES ('chair', 'giver', 'Oak chair', 'Sturdy.', 'furniture', 'free', 'reserved', 52.23, 21.01, 'u3qcnh5jb', 1000, 1000);
            INSERT INTO reservations (id, item_id, buyer_id, seller_id, status, reserved_at, expires_at)
                VALUES ('r1', 'chair', 'taker', 'giver', 'active', 2000, 90000000);
            """,
            transaction: scope.Transaction));

        await Database.MigrateAsync(EcoBidSchema.Scripts);

        (await Database.ReadAsync(c => c.QuerySingleAsync<string>("SELECT i.title FROM reservations r JOIN items i ON i.id = r.item_id WHERE r.id = 'r1'")))
            .ShouldBe("Oak chair");
        (await Database.ReadAsync(c => c.QueryAsync("PRAGMA foreign_key_check"))).ShouldBeEmpty();
        (await Database.ReadAsync(c => c.QuerySingleAsync<long>("SELECT MAX(version) FROM schema_versions WHERE component = 'items'"))).ShouldBe(ItemsSchema.Scripts[^1].Version);
    }
}
