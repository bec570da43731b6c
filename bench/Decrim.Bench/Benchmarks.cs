using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Decrim.Batch;
using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Bench;

/// <summary>Short runs with the memory diagnoser and an evaluations-per-second column.</summary>
public class DecrimConfig : ManualConfig
{
    public DecrimConfig()
    {
        AddJob(BenchmarkDotNet.Jobs.Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        AddColumn(new EvaluationsPerSecond());
    }
}

/// <summary>Evaluations per second: rows per invocation (the Rows parameter, else 1) over the mean time.</summary>
public sealed class EvaluationsPerSecond : IColumn
{
    public string Id => nameof(EvaluationsPerSecond);
    public string ColumnName => "Evaluations/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Encounters evaluated per second on one thread";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats) return "—";
        var rows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value is int r ? r : 1;
        return (rows / (stats.Mean / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal static class Data
{
    public static Catalogue Catalogue { get; } = new(Catalogue.DefaultFolder());

    /// <summary>Norway possession rows drawn like the peer file (2022 rules in force), reproducibly.</summary>
    public static EncounterTable Norway(int rows, int seed = 7)
    {
        var random = new Random(seed);
        var table = new EncounterTable(Math.Max(rows, 1));
        var from = new DateOnly(2022, 7, 1).DayNumber;
        for (var i = 0; i < rows; i++)
        {
            var (id, unit, scale) = PeerFile.Substances[random.Next(PeerFile.Substances.Length)];
            Unit.TryParse(unit, out var u);
            table.Add(DateOnly.FromDayNumber(from + random.Next(1500)), SubstanceVocabulary.Shared.IndexOf(id),
                (long)(random.NextDouble() * scale * EncounterFlags.AmountScale), EncounterTable.UnitSlot(u), random.Next(14, 70), random.Next(4) == 0 ? 1 : 0,
                EncounterFlags.Pack(Conduct.Possession, (Dependence)random.Next(3), random.Next(10) == 0 ? Place.ConsumptionSite : Place.Public, true, false, null));
        }
        return table;
    }
}

/// <summary>One encounter: the explaining engine against one row of the compiled evaluator.</summary>
[Config(typeof(DecrimConfig))]
public class SingleBenchmarks
{
    private Policy _policy = null!;
    private CompiledPolicy _compiled = null!;
    private Encounter _encounter = null!;
    private int _date, _substance;

    [GlobalSetup]
    public void Setup()
    {
        _policy = Data.Catalogue.Get("NO");
        _compiled = CompiledPolicy.Compile(_policy);
        _encounter = new Encounter { Date = new DateOnly(2023, 6, 1), Conduct = Conduct.Possession, Dependence = Dependence.Dependent, Items = [new Item(SubstanceVocabulary.Shared["heroin"], new Quantity(4, Unit.Gram))] };
        _date = _encounter.Date.DayNumber;
        _substance = SubstanceVocabulary.Shared.IndexOf("heroin");
    }

    [Benchmark(Baseline = true)]
    public Pathway Engine() => Evaluation.Engine.Evaluate(_policy, _encounter);

    [Benchmark]
    public PathwayCode CompiledRow() => _compiled.Evaluate(_date, _substance, 4 * EncounterFlags.AmountScale, EncounterTable.UnitSlot(Unit.Gram), 30, 0,
        EncounterFlags.Pack(Conduct.Possession, Dependence.Dependent, Place.Public, true, false, null));
}

/// <summary>Batches of 1 to 10 million Norway rows on one thread: time per batch, evaluations/s and bytes allocated.</summary>
[Config(typeof(DecrimConfig))]
public class BatchBenchmarks
{
    private CompiledPolicy _compiled = null!;
    private EncounterTable _table = null!;
    private PathwayCode[] _codes = null!;

    [Params(1, 1_000, 1_000_000, 10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compiled = CompiledPolicy.Compile(Data.Catalogue.Get("NO"));
        _table = Data.Norway(Rows);
        _codes = new PathwayCode[Rows];
    }

    [Benchmark]
    public void Batch() => _compiled.Evaluate(_table.Columns, _codes);
}

/// <summary>
/// How cost grows with the number of rules: a synthetic policy with one base rule and N exceptions, each for one
/// count of prior incidents, on 1 million rows, with decision tables (the default) and with the tree walked.
/// </summary>
[Config(typeof(DecrimConfig))]
public class RuleCountBenchmarks
{
    private CompiledPolicy _compiled = null!;
    private EncounterTable _table = null!;
    private PathwayCode[] _codes = null!;

    [Params(1, 10, 100, 300, 600)]
    public int Rules { get; set; }

    [Params(true, false)]
    public bool Tabulated { get; set; }

    public const int Rows = 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        var (policy, diagnostics) = PolicyReader.Read(Synthetic(Rules), "XX.yaml");
        if (policy is null) throw new InvalidOperationException(string.Join("; ", diagnostics));
        _compiled = CompiledPolicy.Compile(policy, Tabulated ? 1 << 14 : 0);
        var random = new Random(3);
        _table = new EncounterTable(Rows);
        var heroin = SubstanceVocabulary.Shared.IndexOf("heroin");
        for (var i = 0; i < Rows; i++)
            _table.Add(new DateOnly(2020, 1, 1), heroin, random.Next(10) * EncounterFlags.AmountScale, EncounterTable.UnitSlot(Unit.Gram), 30, random.Next(Rules + 1),
                EncounterFlags.Pack(Conduct.Possession, (Dependence)random.Next(3), Place.Public, true, false, null));
        _codes = new PathwayCode[Rows];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public void Batch() => _compiled.Evaluate(_table.Columns, _codes);

    /// <summary>A base rule and <paramref name="n"/> exceptions: exception i applies to dependent people with exactly i - 1 prior incidents.</summary>
    public static string Synthetic(int n)
    {
        var sb = new System.Text.StringBuilder("""
            jurisdiction: XX
            name: Synthetic
            sources:
              - id: s
                title: Synthetic rules for benchmarks
            versions:
              - id: v
                from: 2000-01-01
                basis: statute
                verified: 2026-01-01
                summary: Many exceptions.
                source: s
                thresholds:
                  - substances: [heroin]
                    amount: 5 g
                    meaning: conclusive
                    source: s
                rules:
                  - id: base
                    conduct: possession
                    offence: criminal
                    source: s
                    then: [criminal-charge]
                    exceptions:

            """);
        for (var i = 0; i < n; i++)
        {
            sb.Append("          - id: e").Append(i).Append('\n');
            sb.Append("            when: { dependent: true, quantity: within, prior: \"").Append(i).Append("\" }\n");
            sb.Append("            source: s\n");
            sb.Append("            then: [warning]\n");
        }
        return sb.ToString();
    }
}
