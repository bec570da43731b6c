using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Decrim.Assessment;

namespace Decrim.Simulation;

/// <summary>
/// Every output of a run, as files: CSV tables (series, differences, burden, costs, calibration, assumptions and
/// every replication's raw counts), one JSON document with all of it, and a self-contained HTML report for a
/// policymaker (tables that read without JavaScript; charts drawn by Observable Plot, inlined, so it opens with no
/// network). The same result always gives the same bytes.
/// </summary>
public static class SimulationReport
{
    /// <summary>The outputs the headline table and the charts show, when any policy produces them.</summary>
    public static readonly IReadOnlyList<Metric> Headline =
    [
        Metric.Encounters, Metric.Searches, Metric.Detections, Metric.FinesIssued, Metric.FinesUnpaid, Metric.FineAmountPaid,
        Metric.Appearances, Metric.Charges, Metric.Convictions, Metric.CriminalRecords, Metric.PeopleFirstRecord,
        Metric.TreatmentOrders, Metric.Detentions, Metric.Imprisonments, Metric.PrisonDays, Metric.PrisonDaysAfterFine,
        Metric.PeopleFirstImprisoned, Metric.PeopleFirstCoerced, Metric.LicencesRevoked,
    ];

    /// <summary>The outputs whose distribution across groups is reported.</summary>
    public static readonly IReadOnlyList<Metric> Burden =
    [
        Metric.Encounters, Metric.Searches, Metric.FinesIssued, Metric.FinesUnpaid, Metric.CriminalRecords, Metric.PrisonDays, Metric.PeopleFirstImprisoned, Metric.PeopleFirstCoerced,
    ];

    /// <summary>Every output file by name: the CSV files, result.json and the self-contained report.html.</summary>
    public static Dictionary<string, string> Files(SimulationResult result) => new(StringComparer.Ordinal)
    {
        ["series.csv"] = SeriesCsv(result),
        ["differences.csv"] = DifferencesCsv(result),
        ["burden.csv"] = BurdenCsv(result),
        ["costs.csv"] = CostsCsv(result),
        ["calibration.csv"] = CalibrationCsv(result),
        ["assumptions.csv"] = AssumptionsCsv(result),
        ["replications.csv"] = ReplicationsCsv(result),
        ["result.json"] = Json(result),
        ["report.html"] = Html(result),
    };

    /// <summary>Writes every file into <paramref name="folder"/> (created if needed) and returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(SimulationResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var (name, text) in Files(result))
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            paths.Add(path);
        }
        return paths;
    }

    private static string N(double v) => double.IsNaN(v) ? "" : v.ToString("0.######", CultureInfo.InvariantCulture);
    private static string F(string s) => AssessmentReport.CsvField(s);

    private static IEnumerable<(int? Index, string Label, string From, string To)> PeriodsAndTotal(SimulationResult r) =>
        r.Periods.Select((p, i) => ((int?)i, p.Label, Day(p.From), Day(p.To))).Append((null, "total", Day(r.Scenario.Start), Day(r.Scenario.End)));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string EstimateCsv(Estimate e) => $"{N(e.Mean)},{N(e.Low)},{N(e.High)},{N(e.P025)},{N(e.P975)}";

    public static string SeriesCsv(SimulationResult r)
    {
        var sb = new StringBuilder("policy,period,from,to,metric,unit,mean,ci_low,ci_high,p2_5,p97_5\n");
        for (var p = 0; p < r.Policies.Count; p++)
            foreach (var (t, label, from, to) in PeriodsAndTotal(r))
                foreach (var m in Metrics.All)
                    sb.Append($"{F(r.Policies[p].Label)},{label},{from},{to},{m.Name()},{Unit(m, r)},{EstimateCsv(r.Estimate(p, t, m))}\n");
        return sb.ToString();
    }

    public static string DifferencesCsv(SimulationResult r)
    {
        var sb = new StringBuilder("policy,baseline,period,from,to,metric,unit,difference_mean,ci_low,ci_high,p2_5,p97_5\n");
        for (var p = 1; p < r.Policies.Count; p++)
            foreach (var (t, label, from, to) in PeriodsAndTotal(r))
            {
                foreach (var m in Metrics.All)
                    sb.Append($"{F(r.Policies[p].Label)},{F(r.Policies[0].Label)},{label},{from},{to},{m.Name()},{Unit(m, r)},{EstimateCsv(r.Difference(p, t, m))}\n");
                if (r.CostLines.Count > 0)
                    sb.Append($"{F(r.Policies[p].Label)},{F(r.Policies[0].Label)},{label},{from},{to},cost,{r.Scenario.Currency},{EstimateCsv(r.CostDifference(p, t))}\n");
            }
        return sb.ToString();
    }

    public static string BurdenCsv(SimulationResult r)
    {
        var sb = new StringBuilder("policy,dimension,group,people_mean,population_share,metric,per_1000_mean,ci_low,ci_high,p2_5,p97_5,share_of_total\n");
        for (var p = 0; p < r.Policies.Count; p++)
            for (var g = 0; g < r.Groups.Count; g++)
                foreach (var m in Burden)
                    sb.Append($"{F(r.Policies[p].Label)},{r.Groups[g].Dimension.ToString().ToLowerInvariant()},{F(r.Groups[g].Label)},{N(r.GroupSize(g).Mean)},{N(r.PopulationShare(g))},{m.Name()},{EstimateCsv(r.GroupRate(p, g, m))},{N(r.GroupShare(p, g, m))}\n");
        return sb.ToString();
    }

    public static string CostsCsv(SimulationResult r)
    {
        var sb = new StringBuilder($"policy,period,item,unit_cost,currency,mean,ci_low,ci_high,p2_5,p97_5\n");
        for (var p = 0; p < r.Policies.Count; p++)
            foreach (var (t, label, _, _) in PeriodsAndTotal(r))
            {
                foreach (var line in r.CostLines)
                    sb.Append($"{F(r.Policies[p].Label)},{label},{F(line.Name)},{N((double)line.UnitCost)},{r.Scenario.Currency},{EstimateCsv(r.Cost(p, t, line))}\n");
                if (r.CostLines.Count > 0)
                    sb.Append($"{F(r.Policies[p].Label)},{label},total,,{r.Scenario.Currency},{EstimateCsv(r.TotalCost(p, t))}\n");
            }
        return sb.ToString();
    }

    public static string CalibrationCsv(SimulationResult r)
    {
        var sb = new StringBuilder("figure,published,tolerance,simulated,passed,of_metric,of_from,of_to,to_metric,to_from,to_to,provenance\n");
        foreach (var c in r.Calibrate())
        {
            var t = c.Target;
            sb.Append($"{F(t.Figure)},{N(t.Value)},{N(t.Tolerance)},{N(c.Simulated)},{(c.Passed ? "yes" : "no")},{t.Of.Metric.Name()},{D(t.Of.From)},{D(t.Of.To)},{t.To.Metric.Name()},{D(t.To.From)},{D(t.To.To)},{F(t.Provenance.ToString())}\n");
        }
        return sb.ToString();
        static string D(DateOnly? d) => d is { } x ? Day(x) : "";
    }

    public static string AssumptionsCsv(SimulationResult r)
    {
        var sb = new StringBuilder("parameter,value,kind,source,pinpoint,assumption\n");
        foreach (var p in r.Scenario.Parameters)
            sb.Append($"{F(p.Name)},{F(p.Value)},{(p.Provenance.IsAssumption ? "assumption" : "sourced")},{F(p.Provenance.Source ?? "")},{F(p.Provenance.Pinpoint ?? "")},{F(p.Provenance.Assumption ?? "")}\n");
        return sb.ToString();
    }

    public static string ReplicationsCsv(SimulationResult r)
    {
        var sb = new StringBuilder("replication,policy,period,metric,value\n");
        for (var rep = 0; rep < r.Replications; rep++)
            for (var p = 0; p < r.Policies.Count; p++)
                for (var t = 0; t < r.Periods.Count; t++)
                    foreach (var m in Metrics.All)
                        sb.Append($"{rep + 1},{F(r.Policies[p].Label)},{r.Periods[t].Label},{m.Name()},{N(r.Value(rep, p, t, m))}\n");
        return sb.ToString();
    }

    private static string Unit(Metric m, SimulationResult r) => m.Unit() switch
    {
        MetricUnit.Money => r.Scenario.Currency,
        MetricUnit.People => "people",
        MetricUnit.Days => "days",
        _ => "count",
    };

    public static string Json(SimulationResult r) => Decrim.Json.Write(w => WriteJson(w, r, replications: true));

    private static void WriteJson(Utf8JsonWriter w, SimulationResult r, bool replications)
    {
        var s = r.Scenario;
        w.WriteStartObject();
        w.WriteString("scenario", s.Name);
        if (s.Description is not null) w.WriteString("description", s.Description);
        w.WriteString("file", Path.GetFileName(s.File));
        w.WriteString("start", Day(s.Start));
        w.WriteString("end", Day(s.End));
        w.WriteNumber("years", s.Years);
        w.WriteString("step", s.Step.ToString().ToLowerInvariant());
        w.WriteNumber("population", s.Population.Size);
        w.WriteNumber("replications", s.Replications);
        w.WriteNumber("seed", s.Seed);
        w.WriteString("currency", s.Currency);
        w.WriteStartArray("policies");
        foreach (var p in r.Policies)
        {
            w.WriteStartObject();
            w.WriteString("label", p.Label);
            w.WriteString("jurisdiction", p.Policy.Code);
            w.WriteString("description", p.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("periods");
        foreach (var p in r.Periods)
        {
            w.WriteStartObject();
            w.WriteString("label", p.Label);
            w.WriteString("from", Day(p.From));
            w.WriteString("to", Day(p.To));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("metrics");
        foreach (var m in Metrics.All)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name());
            w.WriteString("unit", Unit(m, r));
            w.WriteString("description", m.Description());
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var metrics = replications ? Metrics.All : Headline;
        WriteSeries(w, "series", r, 0, metrics, r.Estimate, replications);
        WriteSeries(w, "differences", r, 1, metrics, r.Difference, replications: false);

        w.WriteStartArray("costs");
        for (var p = 0; p < r.Policies.Count; p++)
        {
            foreach (var line in r.CostLines)
            {
                w.WriteStartObject();
                w.WriteString("policy", r.Policies[p].Label);
                w.WriteString("item", line.Name);
                w.WriteNumber("unitCost", line.UnitCost);
                w.WritePropertyName("total");
                WriteEstimate(w, r.Cost(p, null, line));
                w.WriteEndObject();
            }
            if (r.CostLines.Count == 0) continue;
            w.WriteStartObject();
            w.WriteString("policy", r.Policies[p].Label);
            w.WriteString("item", "total");
            w.WritePropertyName("total");
            WriteEstimate(w, r.TotalCost(p, null));
            w.WriteStartArray("periods");
            for (var t = 0; t < r.Periods.Count; t++) WriteEstimate(w, r.TotalCost(p, t));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("burden");
        for (var p = 0; p < r.Policies.Count; p++)
            for (var g = 0; g < r.Groups.Count; g++)
            {
                w.WriteStartObject();
                w.WriteString("policy", r.Policies[p].Label);
                w.WriteString("dimension", r.Groups[g].Dimension.ToString().ToLowerInvariant());
                w.WriteString("group", r.Groups[g].Label);
                w.WriteNumber("people", Math.Round(r.GroupSize(g).Mean, 1));
                w.WriteNumber("populationShare", Math.Round(r.PopulationShare(g), 6));
                w.WriteStartObject("metrics");
                foreach (var m in Burden)
                {
                    w.WriteStartObject(m.Name());
                    w.WritePropertyName("per1000");
                    WriteEstimate(w, r.GroupRate(p, g, m));
                    w.WriteNumber("shareOfTotal", Math.Round(r.GroupShare(p, g, m), 6));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
        w.WriteEndArray();

        w.WriteStartArray("calibration");
        foreach (var c in r.Calibrate())
        {
            w.WriteStartObject();
            w.WriteString("figure", c.Target.Figure);
            w.WriteNumber("published", c.Target.Value);
            w.WriteNumber("tolerance", c.Target.Tolerance);
            if (double.IsNaN(c.Simulated)) w.WriteNull("simulated"); else w.WriteNumber("simulated", Math.Round(c.Simulated, 6));
            w.WriteBoolean("passed", c.Passed);
            w.WriteString("provenance", c.Target.Provenance.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("parameters");
        foreach (var p in s.Parameters)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("value", p.Value);
            if (p.Provenance.Source is { } src) w.WriteString("source", src);
            if (p.Provenance.Pinpoint is { } pin) w.WriteString("pinpoint", pin);
            if (p.Provenance.Assumption is { } a) w.WriteString("assumption", a);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var src in s.Sources.Values)
        {
            w.WriteStartObject();
            w.WriteString("id", src.Id);
            w.WriteString("title", src.Title);
            if (src.Url is not null) w.WriteString("url", src.Url);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("modelAssumptions");
        foreach (var a in ModelAssumptions) w.WriteStringValue(a);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One entry per policy (from <paramref name="firstPolicy"/>) and metric: the total and each period's estimate, and optionally every replication's values.</summary>
    private static void WriteSeries(Utf8JsonWriter w, string name, SimulationResult r, int firstPolicy, IReadOnlyList<Metric> metrics,
        Func<int, int?, Metric, Estimate> estimate, bool replications)
    {
        w.WriteStartArray(name);
        for (var p = firstPolicy; p < r.Policies.Count; p++)
            foreach (var m in metrics)
            {
                w.WriteStartObject();
                w.WriteString("policy", r.Policies[p].Label);
                w.WriteString("metric", m.Name());
                w.WritePropertyName("total");
                WriteEstimate(w, estimate(p, null, m));
                w.WriteStartArray("periods");
                for (var t = 0; t < r.Periods.Count; t++) WriteEstimate(w, estimate(p, t, m));
                w.WriteEndArray();
                if (replications)
                {
                    w.WriteStartArray("replications");
                    for (var rep = 0; rep < r.Replications; rep++)
                    {
                        w.WriteStartArray();
                        for (var t = 0; t < r.Periods.Count; t++) w.WriteNumberValue(r.Value(rep, p, t, m));
                        w.WriteEndArray();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
        w.WriteEndArray();
    }

    private static void WriteEstimate(Utf8JsonWriter w, Estimate e)
    {
        w.WriteStartObject();
        w.WriteNumber("mean", Math.Round(e.Mean, 6));
        w.WriteNumber("low", Math.Round(e.Low, 6));
        w.WriteNumber("high", Math.Round(e.High, 6));
        w.WriteNumber("p2_5", Math.Round(e.P025, 6));
        w.WriteNumber("p97_5", Math.Round(e.P975, 6));
        w.WriteEndObject();
    }

    /// <summary>What the model itself assumes, whatever the scenario says; every report prints these.</summary>
    public static readonly IReadOnlyList<string> ModelAssumptions =
    [
        "The population is closed: nobody starts or stops using drugs, arrives or dies over the horizon; everyone ages.",
        "Police contacts follow a Poisson process at each person's rate; a person in prison or detention has none.",
        "Only possession is simulated, in a public place, one main substance per person; the amount carried is drawn afresh at each contact.",
        "Each detection is put to the policy in force on its date, with the person's earlier detections as prior incidents.",
        "A fine is paid by its deadline, and again at each escalation step, with the probability the payment curve gives for its amount against the person's monthly income.",
        "A fine's escalation is followed to its end unless a step brings a charge, detention or prison; consequences dated after the horizon are not counted.",
        "A criminal charge ends in conviction with the scenario's probability; a conviction, or a criminal-record response, creates one record per decision; after an acquittal the decision's criminal-law responses are not imposed.",
        "A discretionary response is imposed with the scenario's probability for its kind.",
        "Durations are drawn uniformly within the legal range; an open lower end is taken as zero, and a missing duration as the scenario's default.",
        "Confidence intervals are for the mean across replications (Student's t, 95%); the 2.5–97.5% range shows how much single replications vary.",
    ];

    /// <summary>The self-contained report: the <see cref="Body"/>, with the style and the charting scripts inlined.</summary>
    public static string Html(SimulationResult r)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<title>{H(r.Scenario.Name)} — Decrim simulation</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        sb.Append("<main>\n").Append(Body(r)).Append("</main>\n");
        sb.Append($"<script>{Asset("d3.min.js")}</script>\n<script>{Asset("plot.umd.min.js")}</script>\n<script>{Asset("report-charts.js")}</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// The report's content: a <c>div.simulation-report</c> with the tables and a figure per chart, and the data the charts
    /// are drawn from (<c>script#data</c>, JSON). A page shows the charts by loading d3, Plot and report-charts.js after it.
    /// </summary>
    public static string Body(SimulationResult r)
    {
        var s = r.Scenario;
        var shown = Headline.Where(m => Enumerable.Range(0, r.Policies.Count).Any(p => r.Estimate(p, null, m).Mean != 0)).ToList();
        var sb = new StringBuilder();
        sb.Append("<div class=\"simulation-report\">\n");
        sb.Append($"<h1>{H(s.Name)}</h1>\n");
        if (s.Description is not null) sb.Append($"<p>{H(s.Description)}</p>\n");
        sb.Append($"<p class=\"meta\">{s.Population.Size:N0} people, {Day(s.Start)} to {Day(s.End.AddDays(-1))} ({s.Years} years, by {s.Step.ToString().ToLowerInvariant()}), {s.Replications} replications, seed {s.Seed}. Scenario file: {H(Path.GetFileName(s.File))}.</p>\n");
        sb.Append("<h2>Policies compared</h2>\n<ol>\n");
        foreach (var p in r.Policies) sb.Append($"<li><strong>{H(p.Label)}</strong>: {H(p.Description)}</li>\n");
        sb.Append("</ol>\n");

        sb.Append("<h2 id=\"headline\">Headline: totals over the horizon</h2>\n");
        sb.Append("<p>Means across replications, with 95% confidence intervals. Differences are paired: the same people and police contacts under each policy.</p>\n");
        sb.Append("<table class=\"numbers\">\n<thead><tr><th scope=\"col\">Output</th>");
        foreach (var p in r.Policies) sb.Append($"<th scope=\"col\">{H(p.Label)}</th>");
        for (var p = 1; p < r.Policies.Count; p++) sb.Append($"<th scope=\"col\">{H(p == 1 && r.Policies.Count == 2 ? "Difference" : "Difference: " + r.Policies[p].Label)}</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var m in shown)
        {
            sb.Append($"<tr><th scope=\"row\" title=\"{H(m.Description())}\">{H(Sentence(m.Description()))}{(m.Unit() == MetricUnit.Money ? $" ({s.Currency})" : "")}</th>");
            for (var p = 0; p < r.Policies.Count; p++) sb.Append($"<td>{Cell(r.Estimate(p, null, m))}</td>");
            for (var p = 1; p < r.Policies.Count; p++) sb.Append($"<td>{DifferenceCell(r.Difference(p, null, m), r.Estimate(0, null, m).Mean)}</td>");
            sb.Append("</tr>\n");
        }
        if (r.CostLines.Count > 0)
        {
            sb.Append($"<tr><th scope=\"row\">Cost counted ({s.Currency}: {H(string.Join(", ", r.CostLines.Select(l => l.Name)))})</th>");
            for (var p = 0; p < r.Policies.Count; p++) sb.Append($"<td>{Cell(r.TotalCost(p, null))}</td>");
            for (var p = 1; p < r.Policies.Count; p++) sb.Append($"<td>{DifferenceCell(r.CostDifference(p, null), r.TotalCost(0, null).Mean)}</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        foreach (var warning in Warnings(r)) sb.Append($"<p class=\"warning\"><strong>Warning:</strong> {H(warning)}</p>\n");

        sb.Append($"<h2 id=\"series\">By {s.Step.ToString().ToLowerInvariant()}</h2>\n<p>Lines are means; bands are 95% confidence intervals across replications.</p>\n<div id=\"charts\" class=\"charts\">\n");
        foreach (var m in shown)
            sb.Append($"<figure class=\"chart\" data-metric=\"{m.Name()}\"><figcaption>{H(Sentence(m.Description()))}{(m.Unit() == MetricUnit.Money ? $" ({s.Currency})" : "")}</figcaption></figure>\n");
        sb.Append("</div>\n<noscript><p>The charts need JavaScript; every figure is also in series.csv and result.json beside this report.</p></noscript>\n");

        sb.Append("<h2 id=\"burden\">Who bears the burden</h2>\n");
        sb.Append("<p>Each group's share of the total over the horizon, against its share of the population. A share well above the population share means the group bears more than its part.</p>\n");
        var burdenShown = Burden.Where(m => Enumerable.Range(0, r.Policies.Count).Any(p => r.Estimate(p, null, m).Mean != 0)).ToList();
        sb.Append("<div id=\"burden-charts\" class=\"charts\">\n");
        foreach (var m in burdenShown)
            sb.Append($"<figure class=\"chart burden\" data-metric=\"{m.Name()}\"><figcaption>Share of {H(m.Description())}, by group</figcaption></figure>\n");
        sb.Append("</div>\n");
        for (var p = 0; p < r.Policies.Count; p++)
        {
            sb.Append($"<table class=\"numbers\">\n<caption>{H(r.Policies[p].Label)}: share of each total (per 1,000 people in the group)</caption>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Share of population</th>");
            foreach (var m in burdenShown) sb.Append($"<th scope=\"col\">{H(Sentence(m.Description()))}</th>");
            sb.Append("</tr></thead>\n<tbody>\n");
            for (var g = 0; g < r.Groups.Count; g++)
            {
                sb.Append($"<tr><th scope=\"row\">{H(r.Groups[g].Label)}</th><td>{Percent(r.PopulationShare(g))}</td>");
                foreach (var m in burdenShown) sb.Append($"<td>{Percent(r.GroupShare(p, g, m))} ({Number(r.GroupRate(p, g, m).Mean)})</td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }

        var calibration = r.Calibrate();
        if (calibration.Count > 0)
        {
            sb.Append("<h2 id=\"calibration\">Calibration</h2>\n<table>\n<thead><tr><th scope=\"col\">Published figure</th><th scope=\"col\">Published</th><th scope=\"col\">Simulated</th><th scope=\"col\">Within tolerance</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n");
            foreach (var c in calibration)
                sb.Append($"<tr><td>{H(c.Target.Figure)}</td><td>{Number(c.Target.Value)} ± {Number(c.Target.Tolerance)}</td><td>{Number(c.Simulated)}</td><td>{(c.Passed ? "yes" : "<strong>no</strong>")}</td><td>{H(c.Target.Provenance.ToString())}</td></tr>\n");
            sb.Append("</tbody>\n</table>\n");
        }

        sb.Append("<h2 id=\"assumptions\">Assumptions</h2>\n");
        var assumed = s.Parameters.Count(p => p.Provenance.IsAssumption);
        sb.Append($"<p>{s.Parameters.Count} parameters: {s.Parameters.Count - assumed} from sources, {assumed} assumed. Assumed values are the modeller's choice and should be read as such.</p>\n");
        sb.Append("<table>\n<thead><tr><th scope=\"col\">Parameter</th><th scope=\"col\">Value</th><th scope=\"col\">Where it comes from</th></tr></thead>\n<tbody>\n");
        foreach (var p in s.Parameters)
            sb.Append($"<tr{(p.Provenance.IsAssumption ? " class=\"assumed\"" : "")}><td><code>{H(p.Name)}</code></td><td>{H(p.Value)}</td><td>{(p.Provenance.IsAssumption ? "<strong>Assumption:</strong> " + H(p.Provenance.Assumption!) : H(p.Provenance.ToString()))}</td></tr>\n");
        sb.Append("</tbody>\n</table>\n");
        sb.Append("<h3>What the model assumes</h3>\n<ul>\n");
        foreach (var a in ModelAssumptions) sb.Append($"<li>{H(a)}</li>\n");
        sb.Append("</ul>\n");
        if (s.Sources.Count > 0)
        {
            sb.Append("<h3>Sources</h3>\n<ul>\n");
            foreach (var src in s.Sources.Values)
                sb.Append($"<li><code>{H(src.Id)}</code>: {H(src.Title)}{(src.Url is null ? "" : $" — {H(src.Url)}")}</li>\n");
            sb.Append("</ul>\n");
        }
        sb.Append("<p class=\"meta\">Made by Decrim. The policies are Decrim's encoding of the law, with their own sources; a simulation shows what the stated assumptions imply, not what will happen.</p>\n</div>\n");
        var data = Decrim.Json.Write(w => WriteJson(w, r, replications: false)).Replace("</", "<\\/", StringComparison.Ordinal);
        sb.Append($"<script type=\"application/json\" id=\"data\">{data}</script>\n");
        return sb.ToString();
    }

    /// <summary>What the reader of any report must know about the run: contacts the policy could not answer.</summary>
    public static IReadOnlyList<string> Warnings(SimulationResult r) => [.. Enumerable.Range(0, r.Policies.Count)
        .Where(p => r.Estimate(p, null, Metric.Unanswerable).Mean > 0)
        .Select(p => $"under {r.Policies[p].Label}, {Number(r.Estimate(p, null, Metric.Unanswerable).Mean)} contacts a run had no answer from the policy (no version in force on the date, or no rule for possession); they count as encounters with no search and no consequence.")];

    private static string Cell(Estimate e) => $"{Number(e.Mean)}<br><small>{Number(e.Low)}–{Number(e.High)}</small>";

    private static string DifferenceCell(Estimate d, double baseline) =>
        $"{(d.Mean > 0 ? "+" : "")}{Number(d.Mean)}{(baseline != 0 ? $" ({(d.Mean > 0 ? "+" : "")}{(d.Mean / baseline).ToString("0%", CultureInfo.InvariantCulture)})" : "")}<br><small>{Number(d.Low)}–{Number(d.High)}</small>";

    private static string Number(double v) => double.IsNaN(v) ? "—" : Math.Abs(v) >= 100 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);
    private static string Percent(double v) => v.ToString("0.0%", CultureInfo.InvariantCulture);
    private static string Sentence(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    private static string H(string s) => System.Net.WebUtility.HtmlEncode(s);

    private static string Asset(string name)
    {
        using var stream = typeof(SimulationReport).Assembly.GetManifestResourceStream("Decrim.frontend/" + name)
            ?? throw new InvalidOperationException($"The charting library {name} is not embedded; build with npm available (frontend/package.json).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.45}
        main{max-width:72rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.7rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}
        th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
        table.numbers td{text-align:right;white-space:nowrap}
        thead th{background:#f1f1f1}caption{text-align:left;font-weight:600;padding:.3rem 0}
        small{color:#444}.meta{color:#444;font-size:.9rem}tr.assumed td:first-child{border-left:4px solid #b35900}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem}
        figure.chart{margin:0;border:1px solid #ddd;padding:.5rem}figcaption{font-weight:600;font-size:.9rem}
        """;
}
