using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Dapper;
using Decrim.Evaluation;
using Decrim.Monitoring;
using Decrim.Policies;
using Decrim.Storage;
using Decrim.Storage.Reports;
using Microsoft.Data.Sqlite;

namespace Decrim.Bench;

/// <summary>
/// <c>decrim-bench monitoring</c>: issue 7's figures for encounter reports on SQLite, all from one run.
/// <list type="number">
/// <item>Ingestion, full path: each report is parsed (<see cref="ReportInput.Parse"/>), compared with its law
/// (<see cref="LawCheck.Compare"/>) and handed to the real <see cref="ReportWriter"/> by one of C concurrent submitters,
/// each awaiting its durable commit (WAL, synchronous = FULL) before sending the next; reports/s over the whole set on a
/// fresh database file. The writer's transactions are counted with SQLite's commit hook on its pooled connections, which
/// gives the average batch.</item>
/// <item>Ingestion, baseline: the same rows (submissions, reports, report_acts; the same column values, computed
/// beforehand) inserted with plain Dapper <c>Execute(sql, rows, tx)</c> in transactions of the writer's average batch,
/// through <see cref="Database.Connect"/> so the schema and pragmas are the same; no validation, no law, no counters.</item>
/// <item>Where the time goes: parse, law comparison, and <see cref="ReportStore.Insert"/> alone, each on one thread.</item>
/// <item>Aggregates: a fresh file filled with M reports through <see cref="ReportStore.Insert"/> in large batches (set-up,
/// timed for information), then the published figures for every jurisdiction-quarter and for one jurisdiction as the web
/// app computes them (<c>Reporting.Figures</c>), median and max of repeated runs, and for comparison a recount from
/// scratch with SQL GROUP BY, which is also checked against the kept counts.</item>
/// </list>
/// </summary>
internal static class MonitoringRun
{
    private sealed record Options(int Reports, int Submitters, int Rounds, int Aggregate, int FillBatch, int Runs, string One, bool Keep);

    /// <summary>A report as generated, and what the baseline and the profile need of it computed beforehand.</summary>
    private sealed record Prepared(string Key, ReportInput Input, Report Report, ReportFindings Findings, DateOnly Received)
    {
        public bool Counted => !Figures.IsPublished(Report.Quarter, Received, MonitoringReports.PublishAfterDays);
        public Submission Submission() => new(Key, Report, Findings, IsoWeek.Of(Received), Counted);
    }

    // The baseline's rows, one record per table, parameters named as the columns.
    private sealed record SubmissionRow(string key_hash, string body_hash, string report_id);
    private sealed record ReportRow(string id, string receipt_hash, string jurisdiction, string? region, string week, string quarter, string setting,
        string authority, string? conduct, string? carried, string? dependence, string? age_band, string? housing, string? text, string received_week,
        long counted, string? version, string? offence, string law_provides, long beyond);
    private sealed record ActRow(string report_id, string act, long? consented, string? amount, long? hours, string finding, string reason, string? rule, string? basis);
    private sealed record BaselineRows(SubmissionRow[] Submissions, ReportRow[] Reports, ActRow[] Acts, int[] FirstAct);

    private sealed record FullResult(Cost Cost, int Commits, double[] LatencyMs)
    {
        public double Seconds => Cost.Seconds;
        public double AverageBatch(int reports) => (double)reports / Commits;
    }

    private sealed class CommitCounter { public int Count; }

    /// <summary>Wall-clock seconds, this process's processor seconds (every thread) and bytes it passed to write(2), from <see cref="Start"/> to <see cref="Stop"/>.</summary>
    private sealed record Cost(double Seconds, double Cpu, long Written)
    {
        public static (long Timestamp, TimeSpan Cpu, long Written) Start()
        {
            GC.Collect();
            return (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, WrittenSoFar());
        }

        public static Cost Stop((long Timestamp, TimeSpan Cpu, long Written) start) =>
            new(Stopwatch.GetElapsedTime(start.Timestamp).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - start.Cpu).TotalSeconds, WrittenSoFar() - start.Written);

        /// <summary>Linux's count of bytes written by this process (<c>wchar</c> in /proc/self/io); 0 elsewhere.</summary>
        private static long WrittenSoFar()
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/self/io"))
                    if (line.StartsWith("wchar:", StringComparison.Ordinal)) return long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            return 0;
        }
    }

    public static void Run(string[] args)
    {
        var o = Parse(args);
        var dir = Directory.CreateTempSubdirectory("decrim-monitoring-bench-").FullName;
        try { Measure(o, dir).GetAwaiter().GetResult(); }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!o.Keep) Directory.Delete(dir, recursive: true);
            else Console.WriteLine($"databases kept in {dir}");
        }
    }

    private static Options Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;
        }
        var one = Array.IndexOf(args, "--one") is var j and >= 0 && j + 1 < args.Length ? args[j + 1] : "NO";
        return new(Int("--reports", 30_000), Int("--submitters", 64), Int("--rounds", 5), Int("--aggregate", 1_000_000), Int("--fill-batch", 2_000),
            Int("--runs", 20), one, args.Contains("--keep"));
    }

    private static async Task Measure(Options o, string dir)
    {
        Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, SQLite {SqliteVersion(dir)}; files in {dir}; load average {Load()}");
        var clock = Stopwatch.StartNew();
        var catalogue = new Catalogue(Catalogue.DefaultFolder());
        // As the web app holds them (Bundle.ByCode, Reporting.Jurisdictions): every policy that validates, read once.
        var policies = catalogue.All().ToDictionary(p => p.Code, StringComparer.Ordinal);
        var codes = policies.Keys.ToFrozenSet(StringComparer.Ordinal);
        foreach (var code in MonitoringReports.Codes)
            if (!codes.Contains(code)) throw new InvalidOperationException($"{code} is not in the catalogue at {catalogue.Folder}.");
        Console.WriteLine($"catalogue: {policies.Count} policies read in {clock.Elapsed.TotalSeconds:F1} s");

        var items = Prepare(new MonitoringReports(7), o.Reports, policies, codes);
        var warm = Prepare(new MonitoringReports(8), 5_000, policies, codes);
        Describe(items);

        // Warm-up on throwaway files (JIT and tiering, the pool, the file system); the full path twice, as its first
        // pass still runs much of its code unoptimised.
        await Full(Fresh(dir, "warm-full"), warm, o.Submitters, policies, codes);
        await Full(Fresh(dir, "warm-full"), warm, o.Submitters, policies, codes);
        Baseline(Fresh(dir, "warm-baseline"), Rows(warm), 32);
        StoreOnly(Fresh(dir, "warm-store"), warm, 32);
        foreach (var name in new[] { "warm-full", "warm-baseline", "warm-store" }) Fresh(dir, name);

        var rounds = new List<(FullResult Full, double Batch, Cost Baseline, double Commit)>();
        var rows = Rows(items);
        var n = items.Length;
        for (var round = 1; round <= o.Rounds; round++)
        {
            var full = await Full(Fresh(dir, $"full-{round}"), items, o.Submitters, policies, codes);
            var batch = full.AverageBatch(n);
            var (baseline, commit) = Baseline(Fresh(dir, $"baseline-{round}"), rows, (int)Math.Round(batch));
            rounds.Add((full, batch, baseline, commit));
            Fresh(dir, $"full-{round}");
            Fresh(dir, $"baseline-{round}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: full {n / full.Seconds:N0} reports/s ({full.Commits:N0} commits, average batch {batch:F1}, latency p50 {Percentile(full.LatencyMs, 0.5):F1} ms, p99 {Percentile(full.LatencyMs, 0.99):F1} ms, "
                + $"{PerReport(full.Cost.Cpu):F0} µs CPU and {full.Cost.Written / (double)n / 1024:F1} KiB written per report); "
                + $"baseline {n / baseline.Seconds:N0} reports/s in batches of {(int)Math.Round(batch)} ({commit / baseline.Seconds:P0} of it in commit, "
                + $"{PerReport(baseline.Cpu):F0} µs CPU and {baseline.Written / (double)n / 1024:F1} KiB written per report); ratio {baseline.Seconds / full.Seconds:F2}; load average {Load()}"));
        }
        var median = rounds.OrderBy(r => r.Baseline.Seconds / r.Full.Seconds).ElementAt(rounds.Count / 2);

        // Where the full path's time goes, each part alone on one thread.
        var parse = Time(() => { foreach (var it in items) _ = it.Input.Parse(MonitoringReports.Today, codes, out _); });
        var law = Time(() => { foreach (var it in items) _ = LawCheck.Compare(it.Report, policies.GetValueOrDefault(it.Report.Jurisdiction)); });
        var secret = new byte[32];
        var hashing = Time(() =>
        {
            foreach (var it in items)
            {
                _ = Receipts.KeyHash(it.Key);
                _ = Receipts.BodyHash(it.Key, ReportStore.Canonical(it.Report));
                _ = Receipts.Hash(Receipts.Derive(secret, it.Key));
            }
        });
        var storeBatch = (int)Math.Round(median.Batch);
        var (store, storeCommit) = StoreOnly(Fresh(dir, "store-only"), items, storeBatch);

        // Aggregates over M reports.
        var aggregates = o.Aggregate > 0 ? await Aggregates(Fresh(dir, "aggregates"), o, items, policies, codes) : null;

        var fullRate = n / median.Full.Seconds;
        var baseRate = n / median.Baseline.Seconds;
        string Each(Func<(FullResult Full, double Batch, Cost Baseline, double Commit), double> f, string format) =>
            string.Join(", ", rounds.Select(r => f(r).ToString(format, CultureInfo.InvariantCulture)));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Summary ({n:N0} reports, {o.Submitters} submitters; the round with the median ratio of {rounds.Count})

            | measure | value | target |
            |---|---:|---:|
            | full path (parse + law + ReportWriter, durable) | {fullRate:N0} reports/s | ≥ 1,000 |
            | baseline (plain Dapper insert of the same rows, same batch) | {baseRate:N0} reports/s | — |
            | full ÷ baseline | {fullRate / baseRate:F2} | ≥ 0.50 |
            | writer's average batch (reports per commit) | {median.Batch:F1} | — |
            | submission latency p50 / p99 | {Percentile(median.Full.LatencyMs, 0.5):F1} / {Percentile(median.Full.LatencyMs, 0.99):F1} ms | — |
            | processor time per report, full / baseline | {PerReport(median.Full.Cost.Cpu):F0} / {PerReport(median.Baseline.Cpu):F0} µs | — |
            | bytes written per report, full / baseline | {median.Full.Cost.Written / (double)n / 1024:F1} / {median.Baseline.Written / (double)n / 1024:F1} KiB | — |
            | baseline: share of its time in commit | {median.Commit / median.Baseline.Seconds:P0} | — |
            | every round: full reports/s | {Each(r => n / r.Full.Seconds, "N0")} | — |
            | every round: baseline reports/s | {Each(r => n / r.Baseline.Seconds, "N0")} | — |
            | every round: ratio | {Each(r => r.Baseline.Seconds / r.Full.Seconds, "F2")} | — |
            | every round: average batch | {Each(r => r.Batch, "F1")} | — |

            Where the time goes, each part alone on one thread:

            | part | µs/report | reports/s alone |
            |---|---:|---:|
            | ReportInput.Parse | {PerReport(parse):F1} | {n / parse:N0} |
            | LawCheck.Compare | {PerReport(law):F1} | {n / law:N0} |
            | ReportStore.Insert, batches of {storeBatch} (no writer, no parse) | {PerReport(store.Seconds):F1} | {n / store.Seconds:N0} |
            |   of which in commit | {PerReport(storeCommit):F1} | — |
            |   processor time | {PerReport(store.Cpu):F1} | — |
            |   bytes written | {store.Written / (double)n / 1024:F1} KiB | — |
            | hashing alone (key, body, receipt HMAC + hash) | {PerReport(hashing):F1} | — |
            | baseline insert, batches of {storeBatch} | {PerReport(median.Baseline.Seconds):F1} | {baseRate:N0} |
            |   of which in commit | {PerReport(median.Commit):F1} | — |
            |   processor time | {PerReport(median.Baseline.Cpu):F1} | — |
            """));
        if (aggregates is not null) Console.WriteLine(aggregates);
        Console.WriteLine($"load average at the end: {Load()}; total {clock.Elapsed.TotalMinutes:F1} min");

        double PerReport(double seconds) => seconds * 1e6 / n;
    }

    // ---------------------------------------------------------------- ingestion

    private static Prepared[] Prepare(MonitoringReports generator, int count, IReadOnlyDictionary<string, Policy> policies, IReadOnlySet<string> codes)
    {
        var items = new Prepared[count];
        for (var i = 0; i < count; i++)
        {
            var (key, input) = generator.Next();
            var report = input.Parse(MonitoringReports.Today, codes, out var errors)
                ?? throw new InvalidOperationException($"generated report {i} does not parse: {string.Join("; ", errors)}");
            items[i] = new(key, input, report, LawCheck.Compare(report, policies.GetValueOrDefault(report.Jurisdiction)), generator.Received(report));
        }
        return items;
    }

    private static void Describe(Prepared[] items)
    {
        var acts = items.SelectMany(i => i.Findings.Acts).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{items.Length:N0} reports: {items.Select(i => i.Report.Jurisdiction).Distinct().Count()} jurisdictions, {items.Select(i => i.Report.Quarter).Distinct().Count()} quarters, "
            + $"{(double)acts.Count / items.Length:F2} acts each ({string.Join(", ", acts.GroupBy(a => a.Finding).OrderBy(g => g.Key).Select(g => $"{g.Key.Name()} {(double)g.Count() / acts.Count:P0}"))}), "
            + $"{items.Count(i => i.Report.Carried.Count > 0) / (double)items.Length:P0} with a substance, {items.Count(i => i.Findings.Version is not null && i.Report.Carried.Count > 0 && i.Findings.Offence is not null) / (double)items.Length:P0} evaluated by the engine, "
            + $"{items.Count(i => i.Report.Text is not null) / (double)items.Length:P0} with text, {items.Count(i => i.Counted) / (double)items.Length:P0} counted"));
    }

    /// <summary>The web app's path (<c>Reporting.Submit</c>) from C submitters at once, each sending its next report when the last is committed.</summary>
    private static async Task<FullResult> Full(string path, Prepared[] items, int submitters, IReadOnlyDictionary<string, Policy> policies, IReadOnlySet<string> codes)
    {
        using var db = Database.Open(path);
        var before = Stored(db);
        var store = new ReportStore(db);
        store.Insert([]); // makes the receipt secret now: one write that is not a batch
        var commits = CountCommits(db);
        await using var writer = new ReportWriter(store);
        var latencies = new double[items.Length];
        var next = -1;
        var start = Cost.Start();
        var tasks = Enumerable.Range(0, submitters).Select(_ => Task.Run(async () =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < items.Length;)
            {
                var began = Stopwatch.GetTimestamp();
                var it = items[i];
                var report = it.Input.Parse(MonitoringReports.Today, codes, out var errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
                var findings = LawCheck.Compare(report, policies.GetValueOrDefault(report.Jurisdiction));
                var counted = !Figures.IsPublished(report.Quarter, it.Received, MonitoringReports.PublishAfterDays);
                var stored = await writer.Submit(new Submission(it.Key, report, findings, IsoWeek.Of(it.Received), counted));
                if (stored.Outcome != SubmissionOutcome.Stored) throw new InvalidOperationException($"report {i}: {stored.Outcome}");
                latencies[i] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var cost = Cost.Stop(start);
        var (reports, acts) = Stored(db);
        var expected = items.Sum(i => (long)i.Findings.Acts.Count);
        if (reports - before.Reports != items.Length || acts - before.Acts != expected)
            throw new InvalidOperationException($"stored {reports - before.Reports} reports and {acts - before.Acts} acts, expected {items.Length} and {expected}.");
        return new(cost, commits.Count, latencies);
    }

    /// <summary>
    /// Counts the transactions committed from now on: SQLite's commit hook on every connection the pool will hand out.
    /// The writer opens one connection at a time, so the three pooled here (hooked, then returned) are the ones it gets.
    /// </summary>
    private static CommitCounter CountCommits(Database db)
    {
        var counter = new CommitCounter();
        var held = Enumerable.Range(0, 3).Select(_ => (SqliteConnection)db.Connect()).ToList();
        foreach (var c in held)
            SQLitePCL.raw.sqlite3_commit_hook(c.Handle, _ => { Interlocked.Increment(ref counter.Count); return 0; }, null);
        foreach (var c in held) c.Dispose();
        return counter;
    }

    private static (long Reports, long Acts) Stored(Database db)
    {
        using var c = db.Connect();
        return c.QuerySingle<(long, long)>("SELECT (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM report_acts)");
    }

    private static BaselineRows Rows(Prepared[] items)
    {
        var secret = new byte[32];
        Random.Shared.NextBytes(secret);
        var submissions = new SubmissionRow[items.Length];
        var reports = new ReportRow[items.Length];
        var acts = new List<ActRow>();
        var first = new int[items.Length + 1];
        for (var i = 0; i < items.Length; i++)
        {
            var (s, r, f) = (items[i], items[i].Report, items[i].Findings);
            var id = Receipts.NewId();
            submissions[i] = new(Receipts.KeyHash(s.Key), Receipts.BodyHash(s.Key, ReportStore.Canonical(r)), id);
            // The same values ReportStore.Insert writes, column for column.
            reports[i] = new(id, Receipts.Hash(Receipts.Derive(secret, s.Key))!, r.Jurisdiction, r.Region, r.Week.ToString(), r.Quarter.ToString(), r.Setting,
                r.Authority, r.Conduct is { } k ? Words.Name(k) : null,
                r.Carried.Count == 0 ? null : string.Join("; ", r.Carried.Select(x => x.Amount is { } q ? $"{x.Substance.Id} {q}" : x.Substance.Id)),
                r.Dependence == Dependence.Unknown ? null : Words.Name(EncounterInput.Dependences, r.Dependence), r.AgeBand, r.Housing, r.Text,
                IsoWeek.Of(s.Received).ToString(), s.Counted ? 1 : 0, f.Version, f.Offence is { } o ? Words.Name(o) : null, f.LawProvides, f.AnyBeyondTheLaw ? 1 : 0);
            first[i] = acts.Count;
            acts.AddRange(f.Acts.Select(a => new ActRow(id, a.Act.Kind.Name(), a.Act.Consented is { } y ? (y ? 1 : 0) : null,
                a.Act.Amount is { } m ? $"{m.Amount.ToString(CultureInfo.InvariantCulture)} {m.Currency}" : null, a.Act.HoursHeld, a.Finding.Name(), a.Reason, a.Rule, a.Basis)));
        }
        first[items.Length] = acts.Count;
        return new(submissions, reports, [.. acts], first);
    }

    private const string InsertSubmission = "INSERT INTO submissions (key_hash, body_hash, report_id) VALUES (@key_hash, @body_hash, @report_id)";
    private const string InsertReport = """
        INSERT INTO reports (id, receipt_hash, jurisdiction, region, week, quarter, setting, authority, conduct, carried, dependence, age_band,
                             housing, text, received_week, counted, version, offence, law_provides, beyond)
        VALUES (@id, @receipt_hash, @jurisdiction, @region, @week, @quarter, @setting, @authority, @conduct, @carried, @dependence, @age_band,
                @housing, @text, @received_week, @counted, @version, @offence, @law_provides, @beyond)
        """;
    private const string InsertAct = """
        INSERT INTO report_acts (report_id, act, consented, amount, hours, finding, reason, rule, basis)
        VALUES (@report_id, @act, @consented, @amount, @hours, @finding, @reason, @rule, @basis)
        """;

    /// <summary>Plain Dapper: one Execute per table per transaction, rows precomputed.</summary>
    private static (Cost Cost, double Commit) Baseline(string path, BaselineRows rows, int batch)
    {
        using var db = Database.Open(path);
        var n = rows.Reports.Length;
        var commit = 0.0;
        var begin = Cost.Start();
        for (var start = 0; start < n; start += batch)
        {
            var count = Math.Min(batch, n - start);
            using var c = db.Connect();
            using var tx = c.BeginTransaction();
            c.Execute(InsertSubmission, new ArraySegment<SubmissionRow>(rows.Submissions, start, count), tx);
            c.Execute(InsertReport, new ArraySegment<ReportRow>(rows.Reports, start, count), tx);
            var (a, b) = (rows.FirstAct[start], rows.FirstAct[start + count]);
            c.Execute(InsertAct, new ArraySegment<ActRow>(rows.Acts, a, b - a), tx);
            var t = Stopwatch.GetTimestamp();
            tx.Commit();
            commit += Stopwatch.GetElapsedTime(t).TotalSeconds;
        }
        var cost = Cost.Stop(begin);
        using var check = db.Connect();
        if (check.QuerySingle<long>("SELECT COUNT(*) FROM reports") != n) throw new InvalidOperationException("baseline: rows missing");
        return (cost, commit);
    }

    /// <summary><see cref="ReportStore.Insert"/> alone, one batch after another on this thread; the commit timed by its hook.</summary>
    private static (Cost Cost, double Commit) StoreOnly(string path, Prepared[] items, int batch)
    {
        using var db = Database.Open(path);
        var store = new ReportStore(db);
        store.Insert([]);
        var submissions = items.Select(i => i.Submission()).ToArray();
        // The commit hook runs as the commit starts; Insert returns as soon as it ends.
        var commitStarted = 0L;
        var commit = 0.0;
        var held = Enumerable.Range(0, 3).Select(_ => (SqliteConnection)db.Connect()).ToList();
        foreach (var c in held) SQLitePCL.raw.sqlite3_commit_hook(c.Handle, _ => { commitStarted = Stopwatch.GetTimestamp(); return 0; }, null);
        foreach (var c in held) c.Dispose();
        var begin = Cost.Start();
        for (var start = 0; start < submissions.Length; start += batch)
        {
            store.Insert(new ArraySegment<Submission>(submissions, start, Math.Min(batch, submissions.Length - start)));
            commit += Stopwatch.GetElapsedTime(commitStarted).TotalSeconds;
        }
        return (Cost.Stop(begin), commit);
    }

    // ---------------------------------------------------------------- aggregates

    private static async Task<string> Aggregates(string path, Options o, Prepared[] items, IReadOnlyDictionary<string, Policy> policies, IReadOnlySet<string> codes)
    {
        using var db = Database.Open(path);
        var store = new ReportStore(db);
        Console.WriteLine($"filling {path} with {o.Aggregate:N0} reports in batches of {o.FillBatch:N0} through ReportStore.Insert…");
        // Reports are generated, parsed and compared with the law on another thread while this one stores them.
        var chunks = Channel.CreateBounded<Submission[]>(4);
        var producer = Task.Run(async () =>
        {
            var generator = new MonitoringReports(11);
            for (var done = 0; done < o.Aggregate; done += o.FillBatch)
            {
                var chunk = Prepare(generator, Math.Min(o.FillBatch, o.Aggregate - done), policies, codes).Select(p => p.Submission()).ToArray();
                await chunks.Writer.WriteAsync(chunk);
            }
            chunks.Writer.Complete();
        });
        var clock = Stopwatch.StartNew();
        var begin = Cost.Start();
        var stored = 0;
        await foreach (var chunk in chunks.Reader.ReadAllAsync())
        {
            store.Insert(chunk);
            stored += chunk.Length;
            if (stored % 100_000 == 0) Console.WriteLine($"  {stored:N0} in {clock.Elapsed.TotalSeconds:F0} s");
        }
        await producer;
        var fillCost = Cost.Stop(begin);
        var fill = fillCost.Seconds;
        SqliteConnection.ClearAllPools(); // checkpoint the WAL before measuring reads, as a long-running server would have
        var size = new FileInfo(path).Length;

        var today = MonitoringReports.Today;
        var counts = store.Counts(null);
        var all = Repeat(o.Runs, () => Published(store, null, today));
        var one = Repeat(o.Runs, () => Published(store, o.One, today));
        var read = Repeat(o.Runs, () => store.Counts(null));
        var figures = Published(store, null, today);
        var oneFigures = Published(store, o.One, today);

        // From scratch: the same cells counted over the stored rows.
        const string recountSql = """
            SELECT jurisdiction, quarter, 'reports' AS cell, COUNT(*) AS n FROM reports WHERE counted = 1 GROUP BY jurisdiction, quarter
            UNION ALL
            SELECT jurisdiction, quarter, 'any/beyond-the-law', COUNT(*) FROM reports WHERE counted = 1 AND beyond = 1 GROUP BY jurisdiction, quarter
            UNION ALL
            SELECT r.jurisdiction, r.quarter, a.act, COUNT(*) FROM report_acts a JOIN reports r ON r.id = a.report_id WHERE r.counted = 1 GROUP BY r.jurisdiction, r.quarter, a.act
            UNION ALL
            SELECT r.jurisdiction, r.quarter, a.act || '/' || a.finding, COUNT(*) FROM report_acts a JOIN reports r ON r.id = a.report_id WHERE r.counted = 1 GROUP BY r.jurisdiction, r.quarter, a.act, a.finding
            """;
        List<CountRow> recounted = [];
        var recount = Repeat(3, () =>
        {
            using var c = db.Connect();
            recounted = c.Query<CountRow>(recountSql).ToList();
        });
        var kept = counts.ToDictionary(r => (r.jurisdiction, r.quarter, r.cell), r => r.n);
        var agree = recounted.Count == kept.Count && recounted.All(r => kept.GetValueOrDefault((r.jurisdiction, r.quarter, r.cell)) == r.n);
        var (reports, acts) = Stored(db);

        // For information: the full path again, into this database.
        var full = await Full(path, items, o.Submitters, policies, codes);
        return string.Create(CultureInfo.InvariantCulture, $"""

            Aggregates over {reports:N0} reports ({acts:N0} acts; file {size / 1e6:N0} MB; {counts.Count:N0} kept count rows; today {today:yyyy-MM-dd}, published after {MonitoringReports.PublishAfterDays} days)

            | measure | median | max |
            |---|---:|---:|
            | published figures, every jurisdiction ({figures.Count} jurisdiction-quarters, {figures.Sum(f => f.Cells.Count):N0} cells) | {all.Median:F1} ms | {all.Max:F1} ms |
            | published figures, {o.One} ({oneFigures.Count} quarters) | {one.Median:F1} ms | {one.Max:F1} ms |
            | reading every kept count alone (ReportStore.Counts(null)) | {read.Median:F1} ms | {read.Max:F1} ms |
            | recount from scratch (SQL GROUP BY over reports ⋈ report_acts; {(agree ? "equals the kept counts" : "DIFFERS from the kept counts")}) | {recount.Median:F0} ms | {recount.Max:F0} ms |

            Target: figures under 200 ms. Fill (set-up, not part of any figure): {fill:F0} s, {o.Aggregate / fill:N0} reports/s in batches of {o.FillBatch:N0}, durable commits, {fillCost.Written / 1e9:N1} GB written.
            Runs: {o.Runs} of each figure query after one warm-up; the recount 3 times after one warm-up.
            Afterwards, the full path into this database ({reports:N0} reports already): {items.Length / full.Seconds:N0} reports/s for {items.Length:N0} more, average batch {full.AverageBatch(items.Length):F1}, {full.Cost.Written / (double)items.Length / 1024:F1} KiB written per report.
            """);
    }

    /// <summary>What <c>Reporting.Figures(jurisdiction, null)</c> does in the web app, with its defaults.</summary>
    private static List<QuarterFigures> Published(ReportStore store, string? jurisdiction, DateOnly today) =>
        store.Counts(jurisdiction)
            .GroupBy(r => (r.jurisdiction, r.quarter))
            .Select(g => (g.Key.jurisdiction, Quarter: Quarter.TryParse(g.Key.quarter, out var q) ? q : (Quarter?)null, Counts: g.ToDictionary(r => r.cell, r => r.n, StringComparer.Ordinal)))
            .Where(t => t.Quarter is { } q && Figures.IsPublished(q, today, MonitoringReports.PublishAfterDays))
            .Select(t => Figures.Publish(t.jurisdiction, t.Quarter!.Value, t.Counts, Figures.DefaultMinimum))
            .ToList();

    // ---------------------------------------------------------------- helpers

    private static (double Median, double Max) Repeat<T>(int runs, Func<T> action)
    {
        action(); // warm-up
        var ms = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            action();
            ms[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        return (Percentile(ms, 0.5), ms.Max());
    }

    private static (double Median, double Max) Repeat(int runs, Action action) => Repeat(runs, () => { action(); return 0; });

    private static double Time(Action action)
    {
        GC.Collect();
        var t = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(t).TotalSeconds;
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>A path for a new database file; any earlier file of that name (and its WAL) is gone.</summary>
    private static string Fresh(string dir, string name)
    {
        SqliteConnection.ClearAllPools();
        var path = Path.Combine(dir, name + ".db");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        return path;
    }

    /// <summary>The machine's load averages over 1, 5 and 15 minutes: others' work on the same processors and disk shows here.</summary>
    private static string Load()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private static string SqliteVersion(string dir)
    {
        using var db = Database.Open(Path.Combine(dir, "version.db"));
        using var c = db.Connect();
        return c.QuerySingle<string>("SELECT sqlite_version()");
    }
}
