using System.Globalization;
using Decrim.Monitoring;
using Decrim.Evaluation;

namespace Decrim.Bench;

/// <summary>
/// Encounter reports as people would submit them (<see cref="ReportInput"/> with an idempotency key), drawn with a
/// fixed seed: several catalogue jurisdictions, weeks from 2025-W01 to the harness's "today", one to four acts (being
/// stopped, searches, confiscation and fines most often; abuse now and then), a substance carried in about two of three
/// reports, optional details (region, age band, housing, dependence, free text) as people choose to give them.
/// </summary>
internal sealed class MonitoringReports(int seed)
{
    /// <summary>The harness's fixed "today": reports may name any week up to this one, and quarters up to 2026-Q3 are published.</summary>
    public static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>A quarter's figures are published this many days after it ends (the web app's default).</summary>
    public const int PublishAfterDays = 30;

    // Jurisdiction, weight, currency, first-level regions a reporter may name (none for a sub-national jurisdiction).
    private static readonly (string Code, int Weight, string Currency, string[] Regions)[] Jurisdictions =
    [
        ("NO", 4, "NOK", ["NO-03", "NO-11", "NO-46", "NO-50", "NO-18"]),
        ("PT", 3, "EUR", ["PT-11", "PT-13", "PT-08"]),
        ("CZ", 3, "CZK", ["CZ-10", "CZ-64", "CZ-80"]),
        ("DE", 3, "EUR", ["DE-BE", "DE-BY", "DE-HH", "DE-NW"]),
        ("FR", 3, "EUR", ["FR-IDF", "FR-ARA", "FR-PAC"]),
        ("GB", 3, "GBP", ["GB-ENG", "GB-WLS", "GB-NIR"]),
        ("NL", 2, "EUR", ["NL-NH", "NL-ZH", "NL-UT"]),
        ("ES", 2, "EUR", ["ES-MD", "ES-CT", "ES-AN"]),
        ("CA", 2, "CAD", ["CA-ON", "CA-QC", "CA-BC"]),
        ("CH", 1, "CHF", ["CH-ZH", "CH-GE", "CH-BE"]),
        ("MX", 2, "MXN", ["MX-CMX", "MX-JAL", "MX-NLE"]),
        ("CO", 2, "COP", ["CO-ANT", "CO-DC", "CO-VAC"]),
        ("PH", 2, "PHP", ["PH-00", "PH-07", "PH-11"]),
        ("US-OR", 1, "USD", []),
    ];

    public static IEnumerable<string> Codes => Jurisdictions.Select(j => j.Code);

    private static readonly (string Word, int Weight)[] Settings =
    [
        ("street", 40), ("public-transport", 8), ("vehicle", 10), ("home", 6), ("nightlife", 10), ("festival", 5), ("school", 2),
        ("workplace", 1), ("health-service", 2), ("harm-reduction-service", 3), ("shelter", 2), ("police-station", 3), ("border", 3),
        ("online", 1), ("other", 4),
    ];

    private static readonly (string Word, int Weight)[] Authorities =
        [("police", 85), ("customs-or-border", 4), ("private-security", 5), ("health-service", 1), ("social-service", 1), ("school", 1), ("prosecutor-or-court", 2), ("other", 1)];

    // Acts other than being stopped (which is ticked in most reports), by how often people report them.
    private static readonly (string Word, int Weight)[] Acts =
    [
        ("searched-body", 40), ("confiscation", 30), ("fine", 20), ("arrest", 15), ("warning", 15), ("drug-test", 10), ("searched-phone", 5),
        ("searched-strip", 5), ("searched-home", 3), ("referral-voluntary", 5), ("referral-mandatory", 3), ("detention", 4), ("violence", 4),
        ("threat", 5), ("bribe", 2), ("extortion", 1), ("outed-to-family", 2), ("outed-to-employer", 1), ("outed-to-school", 1),
        ("service-denied", 2), ("compulsory-treatment", 1),
    ];

    private static readonly (string Id, string Unit, double Scale)[] Substances =
    [
        ("cannabis-herb", "g", 30), ("cannabis-herb", "g", 10), ("cannabis-resin", "g", 20), ("cocaine", "g", 5), ("heroin", "g", 4),
        ("amphetamine", "g", 6), ("methamphetamine", "g", 4), ("mdma", "g", 2), ("ketamine", "g", 3), ("lsd", "blotters", 6),
    ];

    private static readonly string[] AgeBands = ["under-18", "18-20", "21-24", "25-34", "25-34", "35-49", "35-49", "50-plus"];
    private static readonly string[] Housings = ["housed", "housed", "housed", "unstably-housed", "homeless"];
    private static readonly string[] Dependences = ["dependent", "not-dependent", "not-dependent", "unknown"];
    private static readonly string[] Conducts = ["possession", "possession", "use", "purchase", "sharing"];

    private static readonly string[] TextWords =
        ("they stopped me outside the station and asked what I had in my pockets then searched my bag in front of "
        + "everyone and took what I had for myself said I would get a letter but nothing came I did not know I could "
        + "refuse the officer was rude and called my friend a junkie we were waiting for the night bus after work").Split(' ');

    private readonly Random _random = new(seed);
    private readonly int _first = new DateOnly(2024, 12, 30).DayNumber; // the Monday of 2025-W01
    private readonly int _last = Today.DayNumber;
    private readonly int _totalWeight = Jurisdictions.Sum(j => j.Weight);

    /// <summary>The next report with its idempotency key (32 hex digits, as a client's UUID would be).</summary>
    public (string Key, ReportInput Input) Next()
    {
        var r = _random;
        var (code, _, currency, regions) = Pick(Jurisdictions, j => j.Weight, _totalWeight);
        var day = DateOnly.FromDayNumber(r.Next(_first, _last + 1));
        var acts = new List<ActInput>();
        var wanted = 1 + Draw(0.45, 0.25, 0.12); // 1–4 acts: 55% one, 34% two, 10% three, 1% four
        if (r.NextDouble() < 0.7) acts.Add(new ActInput("stopped"));
        while (acts.Count < wanted)
        {
            var act = Pick(Acts, a => a.Weight, 0).Word;
            if (acts.Any(a => a.Act == act)) continue;
            acts.Add(act switch
            {
                "fine" => new ActInput(act, Amount: r.NextDouble() < 0.6 ? $"{FineAmount(currency)} {currency}" : null),
                "bribe" or "extortion" => new ActInput(act, Amount: r.NextDouble() < 0.5 ? $"{FineAmount(currency) / 2} {currency}" : null),
                "drug-test" => new ActInput(act, Consented: r.NextDouble() < 0.5 ? r.NextDouble() < 0.4 : null),
                "arrest" or "detention" => new ActInput(act, Hours: r.NextDouble() < 0.5 ? r.Next(1, 49) : null),
                _ => new ActInput(act),
            });
        }
        var carried = new List<ItemInput>();
        if (r.NextDouble() < 0.65)
            for (var n = r.NextDouble() < 0.8 ? 1 : 2; carried.Count < n;)
            {
                var (id, unit, scale) = Substances[r.Next(Substances.Length)];
                if (carried.Any(c => c.Substance == id)) continue;
                var amount = unit == "blotters" ? r.Next(1, (int)scale + 1).ToString(CultureInfo.InvariantCulture)
                    : Math.Round(0.1 + r.NextDouble() * scale, 1).ToString(CultureInfo.InvariantCulture);
                carried.Add(new ItemInput(id, r.NextDouble() < 0.85 ? $"{amount} {unit}" : null));
            }
        var input = new ReportInput
        {
            Jurisdiction = r.NextDouble() < 0.1 ? code.ToLowerInvariant() : code,
            Region = regions.Length > 0 && r.NextDouble() < 0.4 ? regions[r.Next(regions.Length)] : null,
            Week = r.NextDouble() < 0.7 ? IsoWeek.Of(day).ToString() : null,
            Date = null,
            Setting = Pick(Settings, s => s.Weight, 0).Word,
            Authority = Pick(Authorities, a => a.Weight, 0).Word,
            Acts = acts,
            Conduct = carried.Count > 0 && r.NextDouble() < 0.4 ? Conducts[r.Next(Conducts.Length)] : null,
            Carried = carried,
            Dependence = r.NextDouble() < 0.6 ? Dependences[r.Next(Dependences.Length)] : null,
            AgeBand = r.NextDouble() < 0.7 ? AgeBands[r.Next(AgeBands.Length)] : null,
            Housing = r.NextDouble() < 0.5 ? Housings[r.Next(Housings.Length)] : null,
            Text = r.NextDouble() < 0.25 ? Text(r.Next(8, 100)) : null,
        };
        if (input.Week is null) input = input with { Date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        var key = Convert.ToHexString(BitConverter.GetBytes(r.NextInt64())) + Convert.ToHexString(BitConverter.GetBytes(r.NextInt64()));
        return (key.ToLowerInvariant(), input);
    }

    /// <summary>The day the report came in: within two weeks of the week it describes, never after "today".</summary>
    public DateOnly Received(Report report)
    {
        var day = report.Week.Monday.AddDays(_random.Next(0, 14));
        return day > Today ? Today : day;
    }

    private int Draw(params double[] more)
    {
        var n = 0;
        foreach (var p in more) { if (_random.NextDouble() < p) n++; else break; }
        return n;
    }

    private int FineAmount(string currency) => currency switch
    {
        "NOK" => 500 * _random.Next(2, 40), "CZK" => 1000 * _random.Next(1, 20), "MXN" => 500 * _random.Next(1, 20),
        "COP" => 100_000 * _random.Next(1, 20), "PHP" => 1000 * _random.Next(1, 20), _ => 50 * _random.Next(1, 20),
    };

    private string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => TextWords[_random.Next(TextWords.Length)])) + ".";

    private T Pick<T>(IReadOnlyList<T> items, Func<T, int> weight, int total)
    {
        if (total == 0) total = items.Sum(weight);
        var x = _random.Next(total);
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0) return item;
        }
        return items[^1];
    }
}
