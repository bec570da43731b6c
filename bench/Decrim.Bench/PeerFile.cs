using System.Globalization;
using Decrim.Batch;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Bench;

/// <summary>
/// The one file all four evaluators read in <c>bench/peers/run</c>: possession encounters in Norway (dates while
/// the 2022 rules are in force) and the Czech Republic (while the 2014 Supreme Court amounts applied).
/// Columns: jurisdiction,date,substance,amount,unit,dependent,age,prior,place — the amount is a plain number in
/// the unit, so the JavaScript peers need no unit parsing.
/// </summary>
internal static class PeerFile
{
    public const string Header = "jurisdiction,date,substance,amount,unit,dependent,age,prior,place";

    /// <summary>Substances with the unit each is given in, and a scale for drawing amounts around the thresholds.</summary>
    public static readonly (string Id, string Unit, double Scale)[] Substances =
    [
        ("heroin", "g", 12), ("cocaine", "g", 12), ("amphetamine", "g", 12), ("methamphetamine", "g", 12),
        ("cannabis-herb", "g", 30), ("cannabis-resin", "g", 20), ("mdma", "g", 2), ("lsd", "blotters", 8), ("ketamine", "g", 5),
    ];

    public static readonly string[] Places = ["public", "public", "public", "public", "public", "public", "public", "residence", "consumption-site", "consumption-site"];

    public static void Generate(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using var w = new StreamWriter(path);
        w.Write(Header + "\n");
        var no = (From: new DateOnly(2022, 7, 1).DayNumber, To: new DateOnly(2026, 11, 21).DayNumber);
        var cz = (From: new DateOnly(2014, 4, 9).DayNumber, To: new DateOnly(2017, 6, 29).DayNumber);
        for (var i = 0; i < rows; i++)
        {
            var norway = random.Next(2) == 0;
            var range = norway ? no : cz;
            var date = DateOnly.FromDayNumber(random.Next(range.From, range.To + 1));
            var (id, unit, scale) = Substances[random.Next(Substances.Length)];
            var amount = unit == "blotters" ? random.Next(1, (int)scale + 1) : Math.Round(random.NextDouble() * scale, 3);
            var dependent = random.Next(3) switch { 0 => "yes", 1 => "no", _ => "unknown" };
            var age = random.Next(10) < 2 ? random.Next(14, 19) : random.Next(19, 70);
            var prior = random.Next(4) == 0 ? random.Next(1, 4) : 0;
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"{(norway ? "NO" : "CZ")},{date:yyyy-MM-dd},{id},{amount},{unit},{dependent},{age},{prior},{Places[random.Next(Places.Length)]}\n"));
        }
    }

    /// <summary>Reads the file into one table per jurisdiction, keeping each row's position in the file.</summary>
    public static Dictionary<string, (EncounterTable Table, List<int> Rows)> Read(string path)
    {
        var tables = new Dictionary<string, (EncounterTable, List<int>)>(StringComparer.Ordinal);
        var row = 0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (!tables.TryGetValue(f[0], out var t)) tables[f[0]] = t = (new EncounterTable(1 << 20), []);
            if (!Unit.TryParse(f[4], out var unit)) throw new InvalidDataException($"unit {f[4]}");
            var amount = (long)(decimal.Parse(f[3], CultureInfo.InvariantCulture) * EncounterFlags.AmountScale);
            var dependence = f[5] switch { "yes" => Evaluation.Dependence.Dependent, "no" => Evaluation.Dependence.NotDependent, _ => Evaluation.Dependence.Unknown };
            t.Item1.Add(DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), SubstanceVocabulary.Shared.IndexOf(f[2]), amount,
                EncounterTable.UnitSlot(unit), int.Parse(f[6], CultureInfo.InvariantCulture), int.Parse(f[7], CultureInfo.InvariantCulture),
                EncounterFlags.Pack(Conduct.Possession, dependence, Words.Places[f[8]], resident: true, rebutted: false, outlet: null));
            t.Item2.Add(row++);
        }
        return tables;
    }
}
