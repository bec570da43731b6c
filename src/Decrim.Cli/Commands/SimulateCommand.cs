using System.CommandLine;
using System.Globalization;
using Decrim.Simulation;

namespace Decrim.Cli.Commands;

/// <summary>
/// <c>decrim simulate scenario.yaml [--reform reform.yaml ...] [--out dir]</c>: runs the baseline and each reform on the
/// same simulated population, writes CSV, JSON and an HTML report, and prints the headline and calibration.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (YAML; see docs/simulation.md)." };
        var reforms = new Option<string[]>("--reform", "-r") { Description = "Reform file to compare with the baseline (repeatable).", AllowMultipleArgumentsPerToken = false };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the outputs (default: simulation/<scenario name>)." };
        var threads = new Option<int>("--threads") { Description = "Threads to use (default: one per processor). The results do not depend on it.", DefaultValueFactory = _ => 0 };
        var replications = new Option<int?>("--replications") { Description = "Override the scenario's number of replications." };
        var population = new Option<int?>("--population") { Description = "Override the scenario's population size." };
        var command = new Command("simulate", "Simulate what a policy does to a population over years, and compare reforms: police contacts, fines and what happens when they are not paid, records, prison, coerced treatment, costs, and who bears them.")
        {
            scenarioArg, reforms, outDir, threads, replications, population,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var catalogue = Cli.Open(result, catalogueOption);
            var path = result.GetValue(scenarioArg)!;
            var (scenario, diagnostics) = SimulationScenarioReader.ReadFile(path);
            if (scenario is null) return Report(diagnostics, error);
            if (result.GetValue(replications) is { } reps)
            {
                if (reps is < 1 or > SimulationScenarioReader.MaxReplications) throw new UsageException($"--replications must be from 1 to {SimulationScenarioReader.MaxReplications:N0}.");
                scenario = scenario with { Replications = reps };
            }
            if (result.GetValue(population) is { } size)
            {
                if (size is < 1 or > SimulationScenarioReader.MaxPopulation) throw new UsageException($"--population must be from 1 to {SimulationScenarioReader.MaxPopulation:N0}.");
                scenario = scenario with { Population = scenario.Population with { Size = size } };
            }
            if (result.GetValue(threads) < 0) throw new UsageException("--threads must be 0 (one per processor) or more.");
            var reformList = new List<Reform>();
            foreach (var file in result.GetValue(reforms) ?? [])
            {
                var (reform, problems) = ReformReader.ReadFile(file);
                if (reform is null) return Report(problems, error);
                reformList.Add(reform);
            }
            var policies = SimulatedPolicy.For(scenario, reformList, catalogue.Get);

            SimulationResult simulated;
            var progress = new ProgressBar(error);
            try
            {
                simulated = Simulator.Run(scenario, policies, result.GetValue(threads), progress);
            }
            catch (SimulationException e)
            {
                error.WriteLine();
                error.WriteLine($"decrim: {e.Message}");
                return Cli.BadInput;
            }
            progress.Done();
            var folder = result.GetValue(outDir) ?? Path.Combine("simulation", Slug(Path.GetFileNameWithoutExtension(path)));
            var files = SimulationReport.WriteAll(simulated, folder);
            output.Write(Summary(simulated));
            output.WriteLine();
            output.WriteLine($"Wrote {files.Count} files to {folder}: {string.Join(", ", files.Select(Path.GetFileName))}.");
            output.WriteLine($"Open {Path.Combine(folder, "report.html")} in a browser for the charts.");
            return simulated.Calibrate().All(c => c.Passed) ? Cli.Ok : Cli.Invalid;
        });
        return command;
    }

    private static int Report(IReadOnlyList<Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var d in diagnostics) error.WriteLine(d);
        return Cli.BadInput;
    }

    private static string Slug(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));

    /// <summary>The headline totals, differences and calibration as plain text.</summary>
    internal static string Summary(SimulationResult r)
    {
        var s = r.Scenario;
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"{s.Name}: {s.Population.Size:N0} people, {s.Start:yyyy-MM-dd} to {s.End.AddDays(-1):yyyy-MM-dd}, {s.Replications} replications, seed {s.Seed}");
        for (var p = 0; p < r.Policies.Count; p++) w.WriteLine($"  {p + 1}. {r.Policies[p].Label}: {r.Policies[p].Description}");
        w.WriteLine();
        w.WriteLine("Totals over the horizon (mean, 95% CI):");
        foreach (var m in SimulationReport.Headline)
        {
            if (Enumerable.Range(0, r.Policies.Count).All(p => r.Estimate(p, null, m).Mean == 0)) continue;
            var cells = Enumerable.Range(0, r.Policies.Count).Select(p => Cell(r.Estimate(p, null, m))).ToList();
            for (var p = 1; p < r.Policies.Count; p++)
            {
                var d = r.Difference(p, null, m);
                cells.Add($"diff {(d.Mean > 0 ? "+" : "")}{Number(d.Mean)}");
            }
            w.WriteLine($"  {m.Name(),-26} {string.Join("  |  ", cells)}");
        }
        foreach (var warning in SimulationReport.Warnings(r)) w.WriteLine("  warning: " + warning);
        var calibration = r.Calibrate();
        if (calibration.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Calibration:");
            foreach (var c in calibration)
                w.WriteLine($"  {(c.Passed ? "pass" : "FAIL")}  {c.Target.Figure}: published {Number(c.Target.Value)} ± {Number(c.Target.Tolerance)}, simulated {Number(c.Simulated)}");
        }
        var assumed = s.Parameters.Count(p => p.Provenance.IsAssumption);
        w.WriteLine();
        w.WriteLine($"{s.Parameters.Count} parameters: {s.Parameters.Count - assumed} sourced, {assumed} assumptions (listed in assumptions.csv and the report).");
        return w.ToString();

        static string Cell(Estimate e) => $"{Number(e.Mean)} ({Number(e.Low)}–{Number(e.High)})";
    }

    private static string Number(double v) => double.IsNaN(v) ? "n/a" : Math.Abs(v) >= 100 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A one-line bar on the error stream when it is a terminal; nothing when it is redirected or captured.</summary>
    private sealed class ProgressBar(TextWriter error) : IProgress<double>
    {
        private readonly bool _visible = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        private int _shown = -1;

        public void Report(double value)
        {
            if (!_visible) return;
            var percent = (int)(value * 100);
            lock (this)
            {
                if (percent <= _shown) return;
                _shown = percent;
                var filled = percent * 40 / 100;
                error.Write($"\r[{new string('#', filled)}{new string('.', 40 - filled)}] {percent,3}%");
            }
        }

        public void Done()
        {
            if (_visible && _shown >= 0) error.WriteLine();
        }
    }
}
