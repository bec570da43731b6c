using Decrim.Evaluation;
using Decrim.Monitoring;
using Decrim.Storage.Reports;

namespace Decrim.Tests.Storage;

/// <summary>Reports as the web app would store them: parsed, compared with the bundled catalogue's law.</summary>
internal static class Samples
{
    public static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly IReadOnlySet<string> Codes = Repo.Catalogue.Codes().ToHashSet();
    private static readonly string[] Jurisdictions = ["NO", "PT", "CA-BC", "SE", "CZ", "US-OR"];
    private static readonly string[] Acts = ["stopped", "searched-body", "searched-phone", "fine", "confiscation", "arrest", "drug-test", "violence", "referral-mandatory"];

    public static Submission Submission(string key, string jurisdiction = "NO", string week = "2026-W40", string[]? acts = null, string? text = null,
        bool counted = true, string received = "2026-W47", string? substance = "heroin", string? amount = "2g")
    {
        var input = new ReportInput
        {
            Jurisdiction = jurisdiction, Week = week, Setting = "street", Authority = "police",
            Acts = (acts ?? ["stopped", "searched-body"]).Select(a => new ActInput(a, Amount: a == "fine" ? "1000 NOK" : null)).ToList(),
            Carried = substance is null ? [] : [new ItemInput(substance, amount)], Dependence = "dependent", Text = text,
        };
        var report = input.Parse(Today, Codes, out var errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
        IsoWeek.TryParse(received, out var r);
        return new(key, report, LawCheck.Compare(report, Repo.Catalogue.Get(report.Jurisdiction)), r, counted);
    }

    public static Submission Random(Random random, string key)
    {
        var acts = Acts.Where(_ => random.NextDouble() < 0.3).DefaultIfEmpty("stopped").ToArray();
        var j = Jurisdictions[random.Next(Jurisdictions.Length)];
        var week = $"2026-W{random.Next(1, 46):D2}";
        var (substance, amount) = random.Next(3) switch { 0 => ("cocaine", "1g"), 1 => ("cannabis-herb", "5g"), _ => ((string?)null, (string?)null) };
        return Submission(key, j, week, acts, random.NextDouble() < 0.3 ? "free text" : null, substance: substance, amount: amount);
    }
}
