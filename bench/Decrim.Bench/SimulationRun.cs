using System.Diagnostics;
using System.Globalization;
using Decrim.Simulation;

namespace Decrim.Bench;

/// <summary>
/// <c>decrim-bench simulate &lt;scenario.yaml&gt; &lt;catalogue&gt;</c>: the headline run (1,000,000 people, 10 years,
/// 100 replications of the Norway scenario, on every processor), then how run time grows with people, years and
/// replications: each varied over ×1, ×2, ×4 from a base point with the others fixed, best of three, and the
/// exponent fitted on log-log axes. Wall-clock times of whole runs, so BenchmarkDotNet's per-call harness is not used.
/// </summary>
internal static class SimulationRun
{
    public static void Run(string scenarioPath, string catalogueFolder, bool quick)
    {
        var (scenario, diagnostics) = SimulationScenarioReader.ReadFile(scenarioPath);
        if (scenario is null) throw new InvalidOperationException(string.Join(Environment.NewLine, diagnostics));
        var catalogue = new Catalogue(catalogueFolder);
        var policies = new[] { new SimulatedPolicy("baseline", "as encoded", catalogue.Get(scenario.Policy)) };
        SimulationScenario With(int people, int years, int reps) =>
            scenario with { Population = scenario.Population with { Size = people }, Years = years, Replications = reps, Step = ReportStep.Year };

        Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, scenario {Path.GetFileName(scenarioPath)}");
        Time(With(20_000, 2, 2), policies); // warm-up: JIT and tiering

        if (!quick)
        {
            var (seconds, result) = Time(With(1_000_000, 10, 100), policies);
            var personYears = 1_000_000.0 * 10 * 100;
            Console.WriteLine($"headline: 1,000,000 people × 10 years × 100 replications: {seconds:F1} s; {personYears / seconds:N0} person-years/s; "
                + $"{result.Estimate(0, null, Metric.PotentialContacts).Mean * 100 / seconds:N0} contacts/s; {result.Estimate(0, null, Metric.Detections).Mean * 100 / seconds:N0} detections/s");
        }

        int basePeople = quick ? 50_000 : 500_000, baseYears = 2, baseReps = quick ? 2 : 10;
        Console.WriteLine($"scaling from {basePeople:N0} people, {baseYears} years, {baseReps} replications (best of 3):");
        Scale("people", f => With(basePeople * f, baseYears, baseReps), policies);
        Scale("years", f => With(basePeople, baseYears * f, baseReps), policies);
        Scale("replications", f => With(basePeople, baseYears, baseReps * f), policies);
    }

    private static void Scale(string what, Func<int, SimulationScenario> make, SimulatedPolicy[] policies)
    {
        var points = new List<(double X, double Seconds)>();
        foreach (var factor in new[] { 1, 2, 4 })
        {
            var s = make(factor);
            var best = Enumerable.Range(0, 3).Min(_ => Time(s, policies).Seconds);
            points.Add((factor, best));
            Console.WriteLine($"  {what} ×{factor}: {best:F3} s ({(double)s.Population.Size * s.Years * s.Replications / best:N0} person-years/s)");
        }
        // Least-squares slope of log(time) on log(factor).
        var xs = points.Select(p => Math.Log(p.X)).ToArray();
        var ys = points.Select(p => Math.Log(p.Seconds)).ToArray();
        double mx = xs.Average(), my = ys.Average();
        var slope = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / xs.Sum(x => (x - mx) * (x - mx));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  exponent for {what}: {slope:F2}"));
    }

    private static (double Seconds, SimulationResult Result) Time(SimulationScenario s, SimulatedPolicy[] policies)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var result = Simulator.Run(s, policies);
        return (clock.Elapsed.TotalSeconds, result);
    }
}
