namespace EcoBid.Domain.Geo;

/// <summary>
/// The geohash cells of one precision that together cover some boxes: every point in the boxes has a geohash that
/// starts with one of <see cref="Cells"/>. Unlike a single shared prefix, a cover never misses points across a cell
/// border.
/// </summary>
public sealed record GeohashCover(int Precision, IReadOnlyList<string> Cells)
{
    /// <summary>Widens the row and column range so a point on a cell edge is never rounded out of the cover.</summary>
    private const double EdgeSlack = 1e-9;

    /// <summary>
    /// The finest cover, at most <paramref name="maxPrecision"/> characters long, with no more than
    /// <paramref name="maxCells"/> cells; failing that, the cover at precision 1 (32 cells span the globe).
    /// </summary>
    public static GeohashCover Of(IReadOnlyList<GeoBox> boxes, int maxPrecision, int maxCells)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPrecision, 1);
        for (var precision = Math.Min(maxPrecision, Geohash.MaxPrecision); precision > 1; precision--)
        {
            var grids = boxes.Select(b => CellRange.Of(b, precision)).ToList();
            if (grids.Sum(g => g.Count) <= maxCells)
            {
                return new GeohashCover(precision, Enumerate(grids, precision));
            }
        }

        return new GeohashCover(1, Enumerate(boxes.Select(b => CellRange.Of(b, 1)).ToList(), 1));
    }

    private static List<string> Enumerate(List<CellRange> grids, int precision)
    {
        var cells = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var grid in grids)
        {
            for (var row = grid.FirstRow; row <= grid.LastRow; row++)
            {
                for (var column = grid.FirstColumn; column <= grid.LastColumn; column++)
                {
                    cells.Add(Geohash.Encode(grid.CentreOf(row, column), precision));
                }
            }
        }

        return [.. cells];
    }

    /// <summary>The rows (latitude) and columns (longitude) of the cells a box touches at one precision.</summary>
    private readonly record struct CellRange(int FirstRow, int LastRow, int FirstColumn, int LastColumn, double Height, double Width)
    {
        public long Count => (long)(LastRow - FirstRow + 1) * (LastColumn - FirstColumn + 1);

        public static CellRange Of(GeoBox box, int precision)
        {
            // A geohash interleaves its bits starting with longitude, so longitude gets the odd one out.
            var latBits = 5 * precision / 2;
            var lonBits = (5 * precision) - latBits;
            int rows = 1 << latBits, columns = 1 << lonBits;
            double height = 180.0 / rows, width = 360.0 / columns;
            return new CellRange(
                Index(((box.MinLat + 90) / height) - EdgeSlack, rows),
                Index(((box.MaxLat + 90) / height) + EdgeSlack, rows),
                Index(((box.MinLon + 180) / width) - EdgeSlack, columns),
                Index(((box.MaxLon + 180) / width) + EdgeSlack, columns),
                height,
                width);
        }

        public GeoPoint CentreOf(int row, int column) => new(-90 + ((row + 0.5) * Height), -180 + ((column + 0.5) * Width));

        private static int Index(double position, int count) => (int)Math.Clamp(Math.Floor(position), 0, count - 1);
    }
}
