using System.Text;
using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;
using static Decrim.Assessment.AssessmentReport;

namespace Decrim.Assessment;

/// <summary>
/// One catalogue entry read for the UNAIDS indicator: whether possession of a small amount by an adult is a crime
/// for any probed drug, which drugs, by which rules, and whether punishment is waived while it stays a crime.
/// </summary>
public sealed record IndicatorEntry(
    Policy Policy,
    PolicyVersion Version,
    bool Subnational,
    bool Criminalises,
    IReadOnlyList<string> CriminalFor,
    IReadOnlyList<string> WaivedFor,
    IReadOnlyList<string> Rules,
    bool Unverified);

/// <summary>
/// The UNAIDS 2025 target (seed 002): fewer than 10% of countries criminalise possession of small amounts of drugs.
/// Measured over the catalogue at a date: each country is read from its own rules (an adult, not known to be
/// dependent, found in public with one day's amount of heroin, cocaine, methamphetamine or cannabis — or less,
/// where a threshold is lower); a country criminalises if any of these is a criminal offence, even where a court
/// or prosecutor waives the punishment. Subnational entries (US states, Canadian provinces, Australian
/// territories) are listed and counted separately, never in the country share.
/// </summary>
public sealed record UnaidsIndicator(DateOnly Date, UnaidsTarget Target, IReadOnlyList<IndicatorEntry> Countries, IReadOnlyList<IndicatorEntry> Subnational, IReadOnlyList<Policy> NotInForce)
{
    public int Criminalising => Countries.Count(e => e.Criminalises);
    public decimal Share => Countries.Count == 0 ? 0 : (decimal)Criminalising / Countries.Count;
    public bool MeetsTarget => Share < Target.Share;

    public static UnaidsIndicator Measure(IEnumerable<Policy> policies, DateOnly date, Criteria? criteria = null)
    {
        criteria ??= Criteria.Default;
        var target = criteria.Target ?? throw new EvaluationException($"the criteria \"{criteria.Framework}\" state no UNAIDS target.");
        var entries = new List<IndicatorEntry>();
        var notInForce = new List<Policy>();
        foreach (var policy in policies)
        {
            if (policy.VersionAt(date) is not { } version)
            {
                notInForce.Add(policy);
                continue;
            }
            var criminal = new List<string>();
            var waived = new List<string>();
            var rules = new List<string>();
            var unverified = false;
            foreach (var id in Assessor.Substances)
            {
                var substance = SubstanceVocabulary.Shared[id];
                if (Probe.TryEvaluate(policy, Probe.Possession(date, substance, Probe.SmallAmount(version, substance))) is not { } p
                    || !Assessor.IsCriminal(p)) continue;
                criminal.Add(id);
                if (!p.Criminal) waived.Add(id);
                rules.AddRange(p.Decisions.Select(d => d.Rule.Id));
                unverified |= p.ReliesOnUnverified;
            }
            entries.Add(new IndicatorEntry(policy, version, policy.Code.Contains('-'), criminal.Count > 0, criminal, waived, rules.Distinct().ToList(), unverified));
        }
        return new UnaidsIndicator(date, target, entries.Where(e => !e.Subnational).ToList(), entries.Where(e => e.Subnational).ToList(), notInForce);
    }
}

/// <summary>Renders the indicator with the list behind the number, in text, JSON, Markdown or CSV.</summary>
public static class UnaidsIndicatorReport
{
    public static string Text(UnaidsIndicator u)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"UNAIDS {u.Target.Year} target: fewer than {Percent(u.Target.Share)} of countries criminalise possession of small amounts of drugs.");
        sb.AppendLine($"On {Day(u.Date)}: {u.Criminalising} of {u.Countries.Count} countries in the catalogue criminalise it ({Percent(u.Share)}); the target is {(u.MeetsTarget ? "met" : "not met")} among them.");
        sb.AppendLine($"The catalogue is not a sample of the world's countries: it was chosen to cover reforms, so this share is not the global figure.");
        Section(sb, "Countries that criminalise", u.Countries.Where(e => e.Criminalises));
        Section(sb, "Countries that do not", u.Countries.Where(e => !e.Criminalises));
        sb.AppendLine();
        sb.AppendLine($"Subnational entries, counted separately ({u.Subnational.Count(e => e.Criminalises)} of {u.Subnational.Count} criminalise; not part of the country share):");
        foreach (var e in u.Subnational) sb.AppendLine("  " + Line(e));
        if (u.NotInForce.Count > 0)
            sb.AppendLine($"\nNo version in force on {Day(u.Date)}, left out: {string.Join(", ", u.NotInForce.Select(p => p.Code))}");
        return sb.ToString();
    }

    public static string Markdown(UnaidsIndicator u)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"## UNAIDS {u.Target.Year} target on {Day(u.Date)}");
        sb.AppendLine();
        sb.AppendLine($"**{u.Criminalising} of {u.Countries.Count} countries in the catalogue ({Percent(u.Share)}) criminalise possession of small amounts of drugs**; the target is fewer than {Percent(u.Target.Share)} ({(u.MeetsTarget ? "met" : "not met")} among them). The catalogue was chosen to cover reforms and is not a sample of the world's countries.");
        sb.AppendLine();
        sb.AppendLine("| Jurisdiction | Level | Version | Criminalises | Crime for | Punishment waived for | Rules |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var e in u.Countries.Concat(u.Subnational))
            sb.AppendLine($"| {Md(e.Policy.Name)} ({e.Policy.Code}) | {(e.Subnational ? "subnational (counted separately)" : "country")} | `{e.Version.Id}` | {(e.Criminalises ? "yes" : "no")}{(e.Unverified ? " (unverified)" : "")} | {Md(string.Join(", ", e.CriminalFor))} | {Md(string.Join(", ", e.WaivedFor))} | {Md(string.Join(", ", e.Rules))} |");
        return sb.ToString();
    }

    public static string Csv(UnaidsIndicator u)
    {
        var sb = new StringBuilder();
        sb.AppendLine("date,jurisdiction,name,level,version,criminalises,crime_for,waived_for,rules,unverified");
        foreach (var e in u.Countries.Concat(u.Subnational))
            sb.AppendLine(string.Join(",", new[]
            {
                Day(u.Date), e.Policy.Code, e.Policy.Name, e.Subnational ? "subnational" : "country", e.Version.Id, e.Criminalises ? "true" : "false",
                string.Join(" ", e.CriminalFor), string.Join(" ", e.WaivedFor), string.Join(" ", e.Rules), e.Unverified ? "true" : "false",
            }.Select(CsvField)));
        return sb.ToString();
    }

    public static string Json(UnaidsIndicator u) => Decrim.Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("date", Day(u.Date));
        w.WriteStartObject("target");
        w.WriteNumber("share", u.Target.Share);
        w.WriteNumber("year", u.Target.Year);
        w.WriteString("quote", u.Target.Cites.FirstOrDefault()?.Quote);
        w.WriteEndObject();
        w.WriteNumber("countries", u.Countries.Count);
        w.WriteNumber("criminalising", u.Criminalising);
        w.WriteNumber("share", Math.Round(u.Share, 4));
        w.WriteBoolean("meetsTarget", u.MeetsTarget);
        void Entries(string name, IEnumerable<IndicatorEntry> entries)
        {
            w.WriteStartArray(name);
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("jurisdiction", e.Policy.Code);
                w.WriteString("name", e.Policy.Name);
                w.WriteString("version", e.Version.Id);
                w.WriteBoolean("criminalises", e.Criminalises);
                w.WriteStartArray("crimeFor");
                foreach (var s in e.CriminalFor) w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteStartArray("waivedFor");
                foreach (var s in e.WaivedFor) w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteStartArray("rules");
                foreach (var s in e.Rules) w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteBoolean("unverified", e.Unverified);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        Entries("countryEntries", u.Countries);
        Entries("subnationalEntries", u.Subnational);
        w.WriteStartArray("notInForce");
        foreach (var p in u.NotInForce) w.WriteStringValue(p.Code);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Percent(decimal share) => (share * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static void Section(StringBuilder sb, string title, IEnumerable<IndicatorEntry> entries)
    {
        sb.AppendLine();
        sb.AppendLine(title + ":");
        foreach (var e in entries) sb.AppendLine("  " + Line(e));
    }

    private static string Line(IndicatorEntry e)
    {
        var what = !e.Criminalises ? "not a crime"
            : $"a crime for {string.Join(", ", e.CriminalFor)}{(e.WaivedFor.Count > 0 ? $" (punishment waived for {string.Join(", ", e.WaivedFor)})" : "")}";
        return $"{e.Policy.Code,-7} {e.Policy.Name}: {what}; version {e.Version.Id}{(e.Rules.Count > 0 ? $", rule {string.Join(", ", e.Rules)}" : "")}{(e.Unverified ? " [rests on an unverified fact]" : "")}";
    }
}
