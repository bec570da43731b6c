using System.Globalization;

namespace Decrim.Web.Site;

/// <summary>
/// Where a jurisdiction is drawn on the world map: a country shape of world-atlas (ISO 3166 numeric id), a US state of
/// us-atlas (FIPS code), or a point for places too small or not in either atlas. Geography, not law: Map/places.csv.
/// </summary>
public sealed record Place(string Code, string Atlas, string? Id, double Lon, double Lat)
{
    public static IReadOnlyList<Place> LoadBundled()
    {
        using var stream = typeof(Place).Assembly.GetManifestResourceStream("Decrim.Web.map/places.csv")
            ?? throw new InvalidOperationException("Map/places.csv is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<Place> Parse(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#'))
            .Skip(1)
            .Select(l => l.Split(','))
            .Select(f => new Place(f[0], f[1], f[2].Length == 0 ? null : f[2],
                double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))];
}
