using EcoBid.Domain.Validation;
using EcoBid.Domain.Geo;

namespace EcoBid.Domain.Items;

/// <summary>What makes an item listable.</summary>
public static class ItemRules
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 4000;

    public static ValidationErrors Validate(NewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var errors = new ValidationErrors();
        RequireText(errors, "title", item.Title, 3, TitleMaxLength);
        RequireText(errors, "description", item.Description, 0, DescriptionMaxLength);
        if (string.IsNullOrWhiteSpace(item.Category))
        {
            errors.Add("category", "The category is required.");
        }
        else if (!ItemCategory.IsKnown(item.Category))
        {
            errors.Add("category", $"Unknown category '{Truncate(item.Category)}'; use one of: {string.Join(", ", ItemCategory.All)}.");
        }

        if (string.IsNullOrWhiteSpace(item.Mode))
        {
            errors.Add("mode", "The mode is required: 'free' or 'auction'.");
        }
        else if (!ItemMode.All.Contains(item.Mode, StringComparer.Ordinal))
        {
            errors.Add("mode", $"Unknown mode '{Truncate(item.Mode)}'; use 'free' or 'auction'.");
        }

        if (item.Lat is not { } lat)
        {
            errors.Add("location.lat", "The latitude is required.");
        }
        else if (!GeoPoint.IsValidLatitude(lat))
        {
            errors.Add("location.lat", "The latitude must be between -90 and 90.");
        }

        if (item.Lon is not { } lon)
        {
            errors.Add("location.lon", "The longitude is required.");
        }
        else if (!GeoPoint.IsValidLongitude(lon))
        {
            errors.Add("location.lon", "The longitude must be between -180 and 180.");
        }

        return errors;
    }

    private static void RequireText(ValidationErrors errors, string field, string? value, int min, int max)
    {
        if (value is null)
        {
            if (min > 0)
            {
                errors.Add(field, $"The {field} is required.");
            }

            return;
        }

        var length = value.Trim().Length;
        if (length < min)
        {
            errors.Add(field, $"The {field} must have at least {min} characters.");
        }
        else if (value.Length > max)
        {
            errors.Add(field, $"The {field} must have at most {max} characters (it has {value.Length}).");
        }
        else if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(field, $"The {field} contains control characters.");
        }
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
