using Bogus;
using Dapper;
using EcoBid.Domain.Auctions;
using EcoBid.Domain.Events;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Domain.Users;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Auctions;
using EcoBid.Server.Events;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Demo;

/// <summary>
/// Fills a database with demo people and listings, written the way the API writes them: each account commits with
/// UserRegistered and UserVerified, each item with ItemCreated, so the handlers process, index and moderate them as
/// for any other. Many rows go in one transaction, and transactions stay short, so a running server keeps serving.
/// </summary>
public sealed class DemoSeeder(IEventDatabase database, PasswordHashing passwords, AuctionStore auctions, ITimerStore timers, IOptions<AuctionsOptions> auctionOptions)
{
    /// <summary>The password of every demo account (it meets the password policy).</summary>
    public const string Password = "Demo-pass-1";

    public const string EmailDomain = "demo.ecobid.test";

    private const int UsersPerTransaction = 200;
    private const int ItemsPerTransaction = 500;

    /// <summary>Makes <paramref name="count"/> verified accounts; <paramref name="progress"/> gets how many are done so far.</summary>
    public async Task<IReadOnlyList<DemoUser>> AddUsersAsync(int count, int seed, Action<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);

        // One hash for every demo account: at the production work factor, hashing each would take minutes for a few
        // thousand people, and their shared password is printed anyway.
        var hash = passwords.Hash(Password);
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var users = new List<DemoUser>(count);
        while (users.Count < count)
        {
            var batch = Math.Min(UsersPerTransaction, count - users.Count);
            users.AddRange(await database.WriteAsync(async scope =>
            {
                var added = new List<DemoUser>(batch);
                var number = await scope.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email LIKE @pattern", new { pattern = "%@" + EmailDomain }, scope.Transaction);
                while (added.Count < batch)
                {
                    var first = faker.Name.FirstName();
                    var last = faker.Name.LastName();
                    var email = EmailAddresses.Normalize($"{Letters(first)}.{Letters(last)}.{++number}@{EmailDomain}");
                    if (email is null || await AccountStore.FindByEmailAsync(scope.Connection, email, scope.Transaction) is not null)
                    {
                        continue;
                    }

                    var user = new DemoUser(Guid.CreateVersion7(scope.Now).ToString(), email, $"{first} {last}");
                    await scope.Connection.ExecuteAsync(
                        "INSERT INTO users (id, email, password_hash, display_name, role, email_verified_at, created_at, updated_at) VALUES (@id, @email, @hash, @name, @role, @now, @now, @now)",
                        new { id = user.Id, email, hash, name = user.DisplayName, role = Roles.User, now = scope.Now.ToUnixTimeMilliseconds() },
                        scope.Transaction);
                    await scope.PublishAsync(new UserRegistered(user.Id, user.DisplayName, scope.Now));
                    await scope.PublishAsync(new UserVerified(user.Id, scope.Now));
                    added.Add(user);
                }

                return added;
            }, cancellationToken));
            progress(users.Count);
        }

        return users;
    }

    /// <summary>
    /// Lists <paramref name="count"/> items by the given sellers, spread evenly over the area (uniform in the disc, so
    /// the outskirts get as many per square kilometre as the centre).
    /// </summary>
    public async Task AddItemsAsync(int count, IReadOnlyList<string> sellerIds, GeoCircle area, int seed, Action<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sellerIds);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfZero(sellerIds.Count);
        var listings = new DemoListingFaker(seed);
        var random = listings.Random;
        var done = 0;
        while (done < count)
        {
            var batch = Math.Min(ItemsPerTransaction, count - done);
            await database.WriteAsync(async scope =>
            {
                for (var i = 0; i < batch; i++)
                {
                    var listing = listings.Next();
                    var point = area.Centre.Move(random.Double(0, 360), area.RadiusKm * Math.Sqrt(random.Double()));
                    var now = scope.Now.ToUnixTimeMilliseconds();
                    var item = new ItemRecord
                    {
                        Id = Guid.CreateVersion7(scope.Now).ToString(),
                        SellerId = sellerIds[random.Int(0, sellerIds.Count - 1)],
                        Title = listing.Title,
                        Description = listing.Description,
                        Category = listing.Category,
                        Mode = listing.Mode,
                        Status = ItemStatus.Available,
                        Lat = point.Lat,
                        Lon = point.Lon,
                        Geohash = Geohash.Encode(point),
                        Moderation = "pending",
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                    await ItemStore.InsertAsync(scope.Connection, scope.Transaction, item);
                    await scope.PublishAsync(new ItemCreated(
                        item.Id, item.SellerId, item.Title, item.Description, item.Category, item.Mode,
                        new EventLocation(item.Lat, item.Lon, item.Geohash), scope.Now));
                    if (item.Mode == ItemMode.Auction)
                    {
                        await AuctionsApi.OpenAsync(scope, auctions, timers, auctionOptions.Value, item, DemoAuction(random));
                    }
                }

                return batch;
            }, cancellationToken);
            done += batch;
            progress(done);
        }
    }

    /// <summary>
    /// Terms of a demo auction, so a demo has something to bid on: a start price of 5 to 300 zł, sometimes a reserve
    /// or a buy-now price, running between an hour and three days (within the configured limits).
    /// </summary>
    private AuctionTerms DemoAuction(Randomizer random)
    {
        var limits = new AuctionLimits(auctionOptions.Value.MinDuration, auctionOptions.Value.MaxDuration);
        var start = random.Int(1, 60) * 500L;
        var seconds = (long)Math.Clamp(random.Double(3_600, 259_200), limits.MinDuration.TotalSeconds, limits.MaxDuration.TotalSeconds);
        var terms = new NewAuction(
            start, random.Bool(0.3f) ? start * 2 : null, random.Bool(0.3f) ? start * 4 : null, "PLN", seconds, null, null, null);
        var errors = new Domain.Validation.ValidationErrors();
        return AuctionRules.Validate(terms, limits, errors)
            ?? throw new InvalidOperationException($"Demo auction terms were refused: {string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value))}");
    }

    /// <summary>Sellers for items when no new people are made: existing accounts, newest first.</summary>
    public Task<IReadOnlyList<string>> ExistingSellersAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection => (await connection.QueryAsync<string>("SELECT id FROM users ORDER BY created_at DESC LIMIT 1000")).AsList(), cancellationToken);

    private static string Letters(string name) => new([.. name.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
}
