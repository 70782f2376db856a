using System.CommandLine;
using System.Globalization;
using EcoBid.Domain.Geo;
using EcoBid.Server.Demo;
using Spectre.Console;

namespace EcoBid.Server.Cli;

internal static class SeedCommands
{
    public const double MaxRadiusKm = 500;
    private static readonly GeoPoint DefaultCentre = new(52.2297, 21.0122);

    public static Command Create()
    {
        var users = new Option<int>("--users") { Description = "Demo people to register, verified, all with the password " + DemoSeeder.Password };
        var items = new Option<int>("--items") { Description = "Demo listings to post, by those people (or by existing ones when --users is 0)" };
        var centre = new Option<string>("--center") { Description = "Centre of the listings' area, as lat,lon", DefaultValueFactory = _ => Format(DefaultCentre) };
        var radius = new Option<double>("--radius-km") { Description = "Radius of the listings' area in kilometres", DefaultValueFactory = _ => 5 };
        var command = new Command("seed", "Fills the database with demo people and listings; works while the server runs, which indexes and moderates them.")
        {
            users,
            items,
            centre,
            radius,
        };
        command.SetAction((result, cancellationToken) => SeedAsync(
            result, result.GetValue(users), result.GetValue(items), result.GetValue(centre)!, result.GetValue(radius), cancellationToken));
        return command;
    }

    private static async Task<int> SeedAsync(ParseResult result, int userCount, int itemCount, string centreText, double radiusKm, CancellationToken cancellationToken)
    {
        var error = result.InvocationConfiguration.Error;
        var problems = new List<string>();
        if (userCount < 0 || itemCount < 0 || userCount + itemCount == 0)
        {
            problems.Add("--users, --items: give how many people and/or listings to add (0 or more, not both 0).");
        }

        var area = ParseCentre(centreText) is { } point ? new GeoCircle(point, radiusKm) : (GeoCircle?)null;
        if (area is null)
        {
            problems.Add($"--center: '{centreText}' is not lat,lon (e.g. {Format(DefaultCentre)}), with -90 ≤ lat ≤ 90 and -180 ≤ lon ≤ 180.");
        }

        if (!(radiusKm > 0 && radiusKm <= MaxRadiusKm))
        {
            problems.Add($"--radius-km: give a radius above 0 and at most {MaxRadiusKm} km.");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(error.WriteLine);
            return EventsCommands.InvalidInput;
        }

        using var host = await CliServices.StartAsync(cancellationToken);
        var seeder = host.Services.GetRequiredService<DemoSeeder>();
        var seed = Random.Shared.Next();
        IReadOnlyList<DemoUser> people = [];
        IReadOnlyList<string> sellers = [];
        if (userCount == 0)
        {
            sellers = await seeder.ExistingSellersAsync(cancellationToken);
            if (sellers.Count == 0)
            {
                error.WriteLine("--users: there are no accounts to list the items; add some with --users.");
                return EventsCommands.InvalidInput;
            }
        }

        await QueueCommands.Console(result).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var userTask = progress.AddTask("people", maxValue: Math.Max(1, userCount));
                var itemTask = progress.AddTask("listings", maxValue: Math.Max(1, itemCount));
                if (userCount > 0)
                {
                    people = await seeder.AddUsersAsync(userCount, seed, done => userTask.Value = done, cancellationToken);
                    sellers = [.. people.Select(p => p.Id)];
                }

                userTask.Value = userTask.MaxValue;
                if (itemCount > 0)
                {
                    await seeder.AddItemsAsync(itemCount, sellers, area!.Value, seed, done => itemTask.Value = done, cancellationToken);
                }

                itemTask.Value = itemTask.MaxValue;
            });

        var output = result.InvocationConfiguration.Output;
        if (people.Count > 0)
        {
            output.WriteLine($"Added {people.Count} demo people, verified; each signs in with their email and the password {DemoSeeder.Password}, e.g.:");
            foreach (var person in people.Take(3))
            {
                output.WriteLine($"  {person.Email}  ({person.DisplayName})");
            }
        }

        if (itemCount > 0)
        {
            output.WriteLine($"Added {itemCount} listings within {radiusKm.ToString(CultureInfo.InvariantCulture)} km of {Format(area!.Value.Centre)}; the server processes, indexes and moderates them as their ItemCreated events are handled.");
        }

        return 0;
    }

    private static GeoPoint? ParseCentre(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && GeoPoint.IsValidLatitude(lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && GeoPoint.IsValidLongitude(lon)
            ? new GeoPoint(lat, lon)
            : null;
    }

    private static string Format(GeoPoint point) => string.Create(CultureInfo.InvariantCulture, $"{point.Lat},{point.Lon}");
}
