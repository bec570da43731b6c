using Dapper;
using Decrim.Monitoring;
using Decrim.Storage;
using Decrim.Storage.Reports;
using Decrim.Storage.Reviewers;

namespace Decrim.Tests.Storage;

/// <summary>The store test suite: the same tests on SQLite and on a real PostgreSQL.</summary>
public abstract class StoreTests<TProvider> : IDisposable where TProvider : IStoreProvider, new()
{
    private readonly TProvider _provider = new();
    private readonly Database _db;
    private readonly ReportStore _reports;

    protected StoreTests()
    {
        _db = _provider.Open();
        _reports = new ReportStore(_db);
    }

    public void Dispose()
    {
        _db.Dispose();
        _provider.Dispose();
        GC.SuppressFinalize(this);
    }

    private long Scalar(string sql)
    {
        using var c = _db.Connect();
        return c.QuerySingle<long>(sql);
    }

    private Dictionary<string, long> Counts(string jurisdiction, string quarter) =>
        _reports.Counts(jurisdiction).Where(r => r.quarter == quarter).ToDictionary(r => r.cell, r => r.n);

    [Fact]
    public void Insert_ThenRetry_StoresOnceWithTheSameReceipt()
    {
        var first = _reports.Insert([Samples.Submission("key-0000000000000001")])[0];
        var again = _reports.Insert([Samples.Submission("key-0000000000000001")])[0];
        Assert.Equal(SubmissionOutcome.Stored, first.Outcome);
        Assert.Equal(SubmissionOutcome.Replayed, again.Outcome);
        Assert.Equal(first.Receipt, again.Receipt);
        Assert.Equal(first.ReportId, again.ReportId);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM reports"));
        Assert.Equal(1, Counts("NO", "2026-Q4")[Figures.ReportsKey]);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", first.Receipt!);
    }

    [Fact]
    public void Insert_SameKeyInOneBatch_StoresOnce()
    {
        var results = _reports.Insert([Samples.Submission("key-0000000000000002"), Samples.Submission("key-0000000000000002")]);
        Assert.Equal([SubmissionOutcome.Stored, SubmissionOutcome.Replayed], results.Select(r => r.Outcome).Order());
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM reports"));
    }

    [Fact]
    public void Insert_SameKeyOtherReport_IsAConflict()
    {
        _reports.Insert([Samples.Submission("key-0000000000000003")]);
        var other = _reports.Insert([Samples.Submission("key-0000000000000003", acts: ["fine"])])[0];
        Assert.Equal(SubmissionOutcome.Conflict, other.Outcome);
        Assert.Null(other.Receipt);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM reports"));
    }

    [Fact]
    public void ByReceipt_ReadsLeniently_AndShowsFindings()
    {
        var stored = _reports.Insert([Samples.Submission("key-0000000000000004", acts: ["searched-body", "fine"], text: "hello")])[0];
        var typed = stored.Receipt!.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant().Replace('0', 'o').Replace('1', 'l');
        var report = _reports.ByReceipt(typed);
        Assert.NotNull(report);
        Assert.Equal("2026-W40", report.Week);
        Assert.Equal("hello", report.Text);
        Assert.Equal(["fine", "searched-body"], report.Acts.Select(a => a.act));
        Assert.All(report.Acts, a => Assert.Equal("beyond-the-law", a.finding));
        Assert.Null(_reports.ByReceipt("AAAA-AAAA-AAAA-AAAA"));
        Assert.Null(_reports.ByReceipt("not a code"));
    }

    [Fact]
    public void Withdraw_Unpublished_DeletesEverythingAndTakesItOutOfTheCounts()
    {
        var keep = _reports.Insert([Samples.Submission("key-0000000000000005")])[0];
        var gone = _reports.Insert([Samples.Submission("key-0000000000000006", acts: ["fine", "stopped"], text: "secret")])[0];
        Assert.True(_reports.Withdraw(gone.Receipt, Samples.Today, graceDays: 30));
        Assert.Null(_reports.ByReceipt(gone.Receipt));
        Assert.NotNull(_reports.ByReceipt(keep.Receipt));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM reports"));
        Assert.Equal(0, Scalar($"SELECT COUNT(*) FROM report_acts WHERE report_id = '{gone.ReportId}'"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM reports WHERE text IS NOT NULL"));
        var counts = Counts("NO", "2026-Q4");
        Assert.Equal(1, counts[Figures.ReportsKey]);
        Assert.Equal(0, counts["fine"]);
        Assert.Equal(Decrim.Tests.Monitoring.FiguresTest.Count([Samples.Submission("x-000000000000000000").Findings]), counts.Where(kv => kv.Value > 0).ToDictionary());
        // The same submission again is not stored anew: it was withdrawn.
        Assert.Equal(SubmissionOutcome.Withdrawn, _reports.Insert([Samples.Submission("key-0000000000000006", acts: ["fine", "stopped"], text: "secret")])[0].Outcome);
        Assert.False(_reports.Withdraw(gone.Receipt, Samples.Today, 30));
    }

    [Fact]
    public void Withdraw_PublishedQuarter_LeavesPublishedCountsAlone()
    {
        var stored = _reports.Insert([Samples.Submission("key-0000000000000007", week: "2026-W10")])[0];
        Assert.True(_reports.Withdraw(stored.Receipt, Samples.Today, graceDays: 30)); // 2026-Q1 was published on 2026-05-01
        Assert.Equal(1, Counts("NO", "2026-Q1")[Figures.ReportsKey]);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM reports"));
    }

    [Fact]
    public void Insert_NotCounted_IsStoredForReviewersButAddsNoCounts()
    {
        _reports.Insert([Samples.Submission("key-0000000000000008", week: "2025-W10", counted: false)]);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM reports"));
        Assert.Empty(_reports.Counts("NO"));
    }

    [Fact]
    public async Task Writer_ConcurrentSubmissionsWithRetries_EachStoredOnce_CountsMatchARecount()
    {
        var random = new Random(11);
        var submissions = Enumerable.Range(0, 400).Select(i => Samples.Random(random, $"key-{i:D16}")).ToList();
        await using var writer = new ReportWriter(_reports);
        // 32 clients; every tenth submission is sent twice at once, as a client retrying after a timeout would.
        var sends = submissions.Concat(submissions.Where((_, i) => i % 10 == 0)).OrderBy(_ => random.Next()).ToList();
        var results = new List<Stored>();
        await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (s, _) =>
        {
            var r = await writer.Submit(s);
            lock (results) results.Add(r);
        });
        Assert.Equal(400, results.Count(r => r.Outcome == SubmissionOutcome.Stored));
        Assert.Equal(40, results.Count(r => r.Outcome == SubmissionOutcome.Replayed));
        Assert.Equal(400, Scalar("SELECT COUNT(*) FROM reports"));
        Assert.Equal(400, results.Select(r => r.Receipt).Distinct().Count());

        // The counts kept as reports arrive equal a recount from the stored acts.
        using var c = _db.Connect();
        var recount = new Dictionary<(string, string, string), long>();
        void Add(string j, string q, string cell) => recount[(j, q, cell)] = recount.GetValueOrDefault((j, q, cell)) + 1;
        foreach (var (id, j, q, beyond) in c.Query<(string, string, string, long)>("SELECT id, jurisdiction, quarter, beyond FROM reports"))
        {
            Add(j, q, Figures.ReportsKey);
            if (beyond == 1) Add(j, q, Figures.AnyBeyondKey);
            foreach (var (act, finding) in c.Query<(string, string)>("SELECT act, finding FROM report_acts WHERE report_id = @id", new { id }))
            {
                Add(j, q, act);
                Add(j, q, act + "/" + finding);
            }
        }
        Assert.Equal(recount.OrderBy(kv => kv.Key).ToList(), _reports.Counts().Where(r => r.n > 0).ToDictionary(r => (r.jurisdiction, r.quarter, r.cell), r => r.n).OrderBy(kv => kv.Key).ToList());
    }

    [Fact]
    public void Review_SeesOnlyItsJurisdictions_AndSetsStatus()
    {
        var no = _reports.Insert([Samples.Submission("key-0000000000000009", "NO")])[0];
        var pt = _reports.Insert([Samples.Submission("key-0000000000000010", "PT", substance: "cocaine", amount: "1g")])[0];
        Assert.Equal([no.ReportId], _reports.ForReview(["NO"], null).Select(r => r.id));
        Assert.Null(_reports.ReportForReview(["NO"], pt.ReportId!));
        Assert.False(_reports.SetStatus(["NO"], pt.ReportId!, "closed", "not ours"));
        Assert.True(_reports.SetStatus(["NO"], no.ReportId!, "referred-for-legal-support", "legal aid contacted"));
        var r = _reports.ReportForReview(["NO", "PT"], no.ReportId!)!;
        Assert.Equal(("referred-for-legal-support", "legal aid contacted"), (r.Status, r.Note));
        Assert.Single(_reports.ForReview(["NO", "PT"], "new"));
        Assert.ThrowsAny<System.Data.Common.DbException>(() => _reports.SetStatus(["NO"], no.ReportId!, "lost", null)); // the schema's CHECK
    }

    [Fact]
    public void PurgeText_ErasesOnlyTextThatCameInBeforeTheCutoff()
    {
        _reports.Insert([Samples.Submission("key-0000000000000011", text: "old", received: "2026-W10")]);
        _reports.Insert([Samples.Submission("key-0000000000000012", text: "new", received: "2026-W47")]);
        Assert.True(IsoWeek.TryParse("2026-W34", out var cutoff));
        Assert.Equal(1, _reports.PurgeText(cutoff));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM reports WHERE text IS NOT NULL"));
        Assert.Equal(2, Scalar("SELECT COUNT(*) FROM reports"));
    }

    [Fact]
    public void Organisations_KeepHashesOnly_AndLoginsAreUnique()
    {
        var accounts = new Organisations(_db);
        Assert.True(accounts.Create("fhn", "Foreningen for human narkotikapolitikk", ["NO"], "HASH", "abcdef0123", "keyhash"));
        Assert.False(accounts.Create("fhn", "Someone else", ["PT"], "H2", "abcdef9999", "k2"));
        Assert.Equal(["NO"], accounts.ByLogin("fhn")!.Jurisdictions);
        Assert.Equal("keyhash", accounts.ByKeyId("abcdef0123")!.Value.KeyHash);
        Assert.True(accounts.SetDisabled("fhn", true));
        Assert.True(accounts.ByLogin("fhn")!.Disabled);
        Assert.Null(accounts.ByKeyId("nope"));
    }

    [Fact]
    public void KeyRing_AndSecret_AreSharedByEveryInstance()
    {
        using var second = Database.Open(_provider.Address);
        new KeyRing(_db).Store("key-1", "<key id=\"1\"/>");
        new KeyRing(second).Store("key-1", "<key id=\"1\" revoked=\"true\"/>");
        Assert.Equal(["<key id=\"1\" revoked=\"true\"/>"], new KeyRing(_db).All());
        Assert.Equal(_db.Secret("receipts"), second.Secret("receipts"));
    }

    [Fact]
    public void SimulationJobs_AreClaimedOnce_AndStaleOnesRequeued()
    {
        var jobs = new SimulationJobs(_db);
        var queued = jobs.Queue("oslo", ["r1"], 1000, 2);
        var other = new SimulationJobs(Database.Open(_provider.Address));
        var claims = new[] { jobs.Claim(), other.Claim() };
        Assert.Single(claims, c => c is not null);
        Assert.Equal(0, jobs.RequeueStale(DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(1, jobs.RequeueStale(DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal(queued.Id, jobs.Claim()!.Id);
        jobs.Complete(queued.Id, new Dictionary<string, string> { ["a.csv"] = "x" });
        Assert.Equal("done", jobs.Get(queued.Id)!.Status);
        Assert.Equal("x", jobs.File(queued.Id, "a.csv"));
    }
}

public sealed class SqliteStoreTests : StoreTests<SqliteProvider>;

public sealed class PostgresStoreTests : StoreTests<PostgresProvider>;
