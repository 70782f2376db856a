using System.Globalization;

namespace EcoBid.Web.Services;

/// <summary>
/// Turns a typed place into a point: <c>52.23, 21.01</c>, or the name of a large Polish city. There is no geocoder
/// (nothing leaves this server), so anything else asks for coordinates or the browser's location.
/// </summary>
public static class Places
{
    private static readonly Dictionary<string, (double Lat, double Lon)> Cities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["warszawa"] = (52.2297, 21.0122), ["warsaw"] = (52.2297, 21.0122),
        ["kraków"] = (50.0647, 19.9450), ["krakow"] = (50.0647, 19.9450), ["cracow"] = (50.0647, 19.9450),
        ["łódź"] = (51.7592, 19.4560), ["lodz"] = (51.7592, 19.4560),
        ["wrocław"] = (51.1079, 17.0385), ["wroclaw"] = (51.1079, 17.0385),
        ["poznań"] = (52.4064, 16.9252), ["poznan"] = (52.4064, 16.9252),
        ["gdańsk"] = (54.3520, 18.6466), ["gdansk"] = (54.3520, 18.6466),
        ["szczecin"] = (53.4285, 14.5528),
        ["lublin"] = (51.2465, 22.5684),
        ["katowice"] = (50.2649, 19.0238),
        ["białystok"] = (53.1325, 23.1688), ["bialystok"] = (53.1325, 23.1688),
    };

    public static bool TryResolve(string? text, out double lat, out double lon)
    {
        (lat, lon) = (0, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out lon))
        {
            return true;
        }

        if (Cities.TryGetValue(text.Trim(), out var city))
        {
            (lat, lon) = city;
            return true;
        }

        return false;
    }
}
