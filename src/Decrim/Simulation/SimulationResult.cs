namespace Decrim.Simulation;

/// <summary>
/// A summary of one output across replications: the mean, a 95% confidence interval for the mean (Student's t),
/// and the range within which 95% of replications fell (2.5th to 97.5th percentile). With one replication the
/// interval is the value itself.
/// </summary>
public readonly record struct Estimate(double Mean, double Low, double High, double P025, double P975, int Replications)
{
    public static Estimate Of(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n == 0) return default;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mean = 0.0;
        foreach (var v in sorted) mean += v;
        mean /= n;
        if (n == 1) return new Estimate(mean, mean, mean, mean, mean, 1);
        var ss = 0.0;
        foreach (var v in sorted) ss += (v - mean) * (v - mean);
        var half = StudentT975(n - 1) * Math.Sqrt(ss / (n - 1) / n);
        return new Estimate(mean, mean - half, mean + half, Percentile(sorted, 0.025), Percentile(sorted, 0.975), n);
    }

    private static double Percentile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var i = (int)Math.Floor(h);
        return i + 1 < sorted.Length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    /// <summary>The 97.5th percentile of Student's t: exact values to 30 degrees of freedom, then a series in 1/df (error below 1e-4).</summary>
    internal static double StudentT975(int df)
    {
        ReadOnlySpan<double> table = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281, 2.2010, 2.1788, 2.1604, 2.1448, 2.1314,
            2.1199, 2.1098, 2.1009, 2.0930, 2.0860, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423];
        if (df <= table.Length) return table[df - 1];
        const double z = 1.959964;
        double z3 = z * z * z, z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
    }
}

/// <summary>A cost line: what is counted, its unit cost, and which output it multiplies.</summary>
public sealed record CostLine(string Name, decimal UnitCost, Metric Metric, double Factor);

/// <summary>How a calibration target came out: the simulated ratio (of the means across replications) and whether it is within tolerance.</summary>
public sealed record CalibrationOutcome(CalibrationTarget Target, double Simulated, bool Passed);

/// <summary>
/// Everything a run produced: for each replication, policy, period and metric a whole-number count (money in
/// hundredths), and for each burden group its size and totals over the horizon. Summaries, differences from the
/// baseline (paired by replication), costs, burden and calibration are computed from these on demand.
/// </summary>
public sealed class SimulationResult
{
    private static readonly int M = Metrics.Count;
    private readonly long[][] _series;
    private readonly long[][] _groups;
    private readonly long[][] _groupSizes;

    internal SimulationResult(SimulationScenario scenario, IReadOnlyList<SimulatedPolicy> policies, IReadOnlyList<ReportPeriod> periods,
        IReadOnlyList<PopulationGroup> groups, long[][] series, long[][] groupTotals, long[][] groupSizes)
    {
        Scenario = scenario;
        Policies = policies;
        Periods = periods;
        Groups = groups;
        _series = series;
        _groups = groupTotals;
        _groupSizes = groupSizes;
        CostLines = CostLinesOf(scenario.Costs);
    }

    public SimulationScenario Scenario { get; }
    /// <summary>The baseline first, then each alternative.</summary>
    public IReadOnlyList<SimulatedPolicy> Policies { get; }
    public IReadOnlyList<ReportPeriod> Periods { get; }
    public IReadOnlyList<PopulationGroup> Groups { get; }
    public IReadOnlyList<CostLine> CostLines { get; }
    public int Replications => _series.Length;

    /// <summary>One replication's value: counts as counted, money in the scenario's currency.</summary>
    public double Value(int replication, int policy, int period, Metric metric) =>
        Scale(metric, _series[replication][(policy * Periods.Count + period) * M + (int)metric]);

    public double Total(int replication, int policy, Metric metric)
    {
        long sum = 0;
        for (var t = 0; t < Periods.Count; t++) sum += _series[replication][(policy * Periods.Count + t) * M + (int)metric];
        return Scale(metric, sum);
    }

    private static double Scale(Metric metric, long value) => metric.Unit() == MetricUnit.Money ? value / 100.0 : value;

    /// <summary>An output in one period (or over the whole horizon when <paramref name="period"/> is null) across replications.</summary>
    public Estimate Estimate(int policy, int? period, Metric metric) =>
        Across(r => period is { } t ? Value(r, policy, t, metric) : Total(r, policy, metric));

    /// <summary>The alternative minus the baseline, replication by replication (the same people and contacts), across replications.</summary>
    public Estimate Difference(int policy, int? period, Metric metric) =>
        Across(r => period is { } t ? Value(r, policy, t, metric) - Value(r, 0, t, metric) : Total(r, policy, metric) - Total(r, 0, metric));

    public Estimate Cost(int policy, int? period, CostLine line) =>
        Across(r => CostOf(r, policy, period, line));

    public Estimate TotalCost(int policy, int? period) =>
        Across(r => CostLines.Sum(l => CostOf(r, policy, period, l)));

    public Estimate CostDifference(int policy, int? period) =>
        Across(r => CostLines.Sum(l => CostOf(r, policy, period, l) - CostOf(r, 0, period, l)));

    private double CostOf(int r, int policy, int? period, CostLine line) =>
        (period is { } t ? Value(r, policy, t, line.Metric) : Total(r, policy, line.Metric)) * line.Factor * (double)line.UnitCost;

    /// <summary>People in a burden group (the same under every policy).</summary>
    public Estimate GroupSize(int group) => Across(r => _groupSizes[r][group]);

    /// <summary>A group's total of an output over the horizon, per 1,000 people in the group.</summary>
    public Estimate GroupRate(int policy, int group, Metric metric) =>
        Across(r => _groupSizes[r][group] == 0 ? 0 : 1000.0 * Scale(metric, _groups[r][(policy * Groups.Count + group) * M + (int)metric]) / _groupSizes[r][group]);

    /// <summary>A group's share of the whole population's total of an output over the horizon (0 to 1), on the means.</summary>
    public double GroupShare(int policy, int group, Metric metric)
    {
        double part = 0, all = 0;
        var dimension = Groups[group].Dimension;
        for (var r = 0; r < Replications; r++)
            for (var g = 0; g < Groups.Count; g++)
            {
                if (Groups[g].Dimension != dimension) continue;
                var v = _groups[r][(policy * Groups.Count + g) * M + (int)metric];
                all += v;
                if (g == group) part += v;
            }
        return all == 0 ? 0 : part / all;
    }

    /// <summary>A group's share of the population, on the means.</summary>
    public double PopulationShare(int group)
    {
        double part = 0, all = 0;
        for (var r = 0; r < Replications; r++)
        {
            part += _groupSizes[r][group];
            all += Scenario.Population.Size;
        }
        return all == 0 ? 0 : part / all;
    }

    /// <summary>The baseline's calibration targets, each as the ratio of the means across replications.</summary>
    public IReadOnlyList<CalibrationOutcome> Calibrate() => [.. Scenario.Calibration.Select(t =>
    {
        double of = 0, to = 0;
        for (var r = 0; r < Replications; r++)
        {
            of += Window(r, t.Of);
            to += Window(r, t.To);
        }
        var value = to == 0 ? double.NaN : of / to;
        return new CalibrationOutcome(t, value, !double.IsNaN(value) && Math.Abs(value - t.Value) <= t.Tolerance);
    })];

    private double Window(int r, MetricWindow w)
    {
        var sum = 0.0;
        for (var t = 0; t < Periods.Count; t++)
            if ((w.From is null || Periods[t].From >= w.From) && (w.To is null || Periods[t].To <= w.To)) sum += Value(r, 0, t, w.Metric);
        return sum;
    }

    private Estimate Across(Func<int, double> value)
    {
        Span<double> values = Replications <= 1024 ? stackalloc double[Replications] : new double[Replications];
        for (var r = 0; r < Replications; r++) values[r] = value(r);
        return Simulation.Estimate.Of(values);
    }

    private static List<CostLine> CostLinesOf(Costs c)
    {
        var lines = new List<CostLine>();
        if (c.PoliceHour is { } h) lines.Add(new CostLine("police time", h, Metric.Encounters, c.HoursPerEncounter));
        if (c.CourtCase is { } k) lines.Add(new CostLine("court cases", k, Metric.Charges, 1));
        if (c.PrisonDay is { } p) lines.Add(new CostLine("prison", p, Metric.PrisonDays, 1));
        if (c.DetentionDay is { } d) lines.Add(new CostLine("detention", d, Metric.DetentionDays, 1));
        if (c.TreatmentEpisode is { } t) lines.Add(new CostLine("compulsory treatment", t, Metric.TreatmentOrders, 1));
        if (c.Appearance is { } a) lines.Add(new CostLine("mandatory appearances", a, Metric.Appearances, 1));
        return lines;
    }
}
