using System.Globalization;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Domain.Validation;

namespace EcoBid.Server.Items.Search;

/// <summary>Turns the query string into an <see cref="ItemSearchQuery"/>, or names every parameter that is wrong.</summary>
public static class ItemSearchQueryParser
{
    private static readonly string[] SortNames = ["distance", "newest", "relevance"];

    public static (ItemSearchQuery? Query, ValidationErrors Errors) Parse(SearchItemsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var lat = Number(errors, "lat", request.Lat, GeoPoint.IsValidLatitude, "The latitude must be a number between -90 and 90.");
        var lon = Number(errors, "lon", request.Lon, GeoPoint.IsValidLongitude, "The longitude must be a number between -180 and 180.");
        var radius = Number(errors, "radiusKm", request.RadiusKm, r => r is > 0 and <= ItemSearchQuery.MaxRadiusKm, $"The radius must be a number of kilometres above 0 and at most {ItemSearchQuery.MaxRadiusKm}.");
        if (request.Lat is not null && request.Lon is null)
        {
            errors.Add("lon", "Give lon with lat: a centre needs both.");
        }
        else if (request.Lon is not null && request.Lat is null)
        {
            errors.Add("lat", "Give lat with lon: a centre needs both.");
        }
        else if (request.RadiusKm is not null && request.Lat is null)
        {
            errors.Add("radiusKm", "A radius needs a centre: give lat and lon too.");
        }

        var centre = lat is { } la && lon is { } lo ? new GeoPoint(la, lo) : (GeoPoint?)null;
        var categories = Categories(errors, request.Category);
        var mode = OneOf(errors, "mode", request.Mode, ItemMode.All);
        var status = OneOf(errors, "status", request.Status, ItemStatus.All) ?? ItemStatus.Available;
        var text = Text(errors, request.Q);
        var sort = Sort(errors, request.Sort, centre is not null || request.Lat is not null || request.Lon is not null, request.Q is not null);
        var limit = Limit(errors, request.Limit);
        if (request.SellerId is not null)
        {
            errors.Add("sellerId", "Search does not filter by seller: GET /users/{id}/items lists one person's listings.");
        }

        if (!errors.IsValid)
        {
            return (null, errors);
        }

        var query = new ItemSearchQuery
        {
            Area = centre is { } point ? new GeoCircle(point, radius ?? ItemSearchQuery.DefaultRadiusKm) : null,
            Categories = categories,
            Mode = mode,
            Status = status,
            Text = text,
            Sort = sort,
            Limit = limit,
        };
        if (request.Cursor is null)
        {
            return (query, errors);
        }

        if (SearchCursor.Decode(request.Cursor, query.Fingerprint) is not { } after)
        {
            errors.Add("cursor", "The cursor is not one this search handed out: pass nextCursor unchanged, with the same other parameters.");
            return (null, errors);
        }

        return (query with { After = after }, errors);
    }

    private static double? Number(ValidationErrors errors, string name, string? text, Func<double, bool> isValid, string message)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && isValid(value))
        {
            return value;
        }

        errors.Add(name, message);
        return null;
    }

    private static List<string> Categories(ValidationErrors errors, string? text)
    {
        if (text is null)
        {
            return [];
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !ItemCategory.IsKnown(n)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("category", $"Unknown category '{Shorten(unknown[0])}'; use one or more of {string.Join(", ", ItemCategory.All)}, separated by commas.");
            return [];
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static string? OneOf(ValidationErrors errors, string name, string? text, IReadOnlyList<string> allowed)
    {
        if (text is null || allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        errors.Add(name, $"Unknown {name} '{Shorten(text)}'; use one of {string.Join(", ", allowed)}.");
        return null;
    }

    private static string? Text(ValidationErrors errors, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > ItemSearchQuery.MaxTextLength)
        {
            errors.Add("q", $"The search text must have at most {ItemSearchQuery.MaxTextLength} characters (it has {text.Length}).");
        }
        else if (text.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            // FTS5 reads a NUL as the end of the match expression (a 500 before this check); no word holds one.
            errors.Add("q", "The search text holds a control character (such as NUL); send words, separated by spaces.");
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("q", "Give at least one word to search for, or leave q out.");
        }

        return text;
    }

    private static SearchSort Sort(ValidationErrors errors, string? text, bool hasCentre, bool hasText)
    {
        var sort = text switch
        {
            null => hasCentre ? SearchSort.Distance : SearchSort.Newest,
            "distance" => SearchSort.Distance,
            "newest" => SearchSort.Newest,
            "relevance" => SearchSort.Relevance,
            _ => (SearchSort?)null,
        };
        if (sort is null)
        {
            errors.Add("sort", $"Unknown sort '{Shorten(text!)}'; use one of {string.Join(", ", SortNames)}.");
            return SearchSort.Newest;
        }

        if (sort == SearchSort.Distance && !hasCentre)
        {
            errors.Add("sort", "Sorting by distance needs a centre: give lat and lon.");
        }
        else if (sort == SearchSort.Relevance && !hasText)
        {
            errors.Add("sort", "Sorting by relevance needs words to search for: give q.");
        }

        return sort.Value;
    }

    private static int Limit(ValidationErrors errors, string? text)
    {
        if (text is null)
        {
            return ItemSearchQuery.DefaultLimit;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= ItemSearchQuery.MaxLimit)
        {
            return limit;
        }

        errors.Add("limit", $"The limit must be a whole number from 1 to {ItemSearchQuery.MaxLimit}.");
        return ItemSearchQuery.DefaultLimit;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
