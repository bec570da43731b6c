using System.Data.Common;
using System.Globalization;
using Dapper;
using Decrim.Evaluation;
using Decrim.Monitoring;

namespace Decrim.Storage.Reports;

/// <summary>A report ready to store: the idempotency key it came with, the report, how it stands against the law, the week it came in, and whether it counts towards figures not yet published.</summary>
public sealed record Submission(string Key, Report Report, ReportFindings Findings, IsoWeek Received, bool Counted);

public enum SubmissionOutcome
{
    /// <summary>Stored now.</summary>
    Stored,
    /// <summary>The same submission was stored before (a retry): nothing new was written.</summary>
    Replayed,
    /// <summary>The key was used before for a different report.</summary>
    Conflict,
    /// <summary>The key's report was withdrawn by its reporter.</summary>
    Withdrawn,
}

/// <summary>What became of a submission. <see cref="Receipt"/> is the reporter's code to view or withdraw it (for Stored and Replayed).</summary>
public sealed record Stored(SubmissionOutcome Outcome, string? ReportId, string? Receipt);

/// <summary>One act of a stored report with its finding against the law.</summary>
public sealed record StoredAct(string act, long? consented, string? amount, long? hours, string finding, string reason, string? rule, string? basis);

/// <summary>A stored report as its reporter (by receipt) or a reviewer sees it. Values are the vocabulary words as stored.</summary>
public sealed record StoredReport(string Id, string Jurisdiction, string? Region, string Week, string Setting, string Authority, string? Conduct,
    string? Carried, string? Dependence, string? AgeBand, string? Housing, string? Text, string? Version, string? Offence, string LawProvides,
    bool Beyond, string Status, string? Note, IReadOnlyList<StoredAct> Acts);

/// <summary>
/// A line of a reviewer's list. Its values are set as properties, not through a constructor: Dapper picks a constructor
/// by the columns' types, and SQLite gives the counted <c>acts</c> column no type when the list is empty, so an empty
/// list (a new organisation, a status no report has yet) would fail.
/// </summary>
public sealed record ReportSummary
{
    public string id { get; init; } = "";
    public string jurisdiction { get; init; } = "";
    public string? region { get; init; }
    public string week { get; init; } = "";
    public string setting { get; init; } = "";
    public string authority { get; init; } = "";
    public long beyond { get; init; }
    public string status { get; init; } = "";
    public long acts { get; init; }
}

/// <summary>One raw count behind the published figures.</summary>
public sealed record CountRow(string jurisdiction, string quarter, string cell, long n);

/// <summary>
/// Reports, their acts and the counts behind the published figures. Every write is one transaction: a report is
/// stored with all its acts and counts or not at all. SQL is the same on SQLite and PostgreSQL.
/// </summary>
public sealed class ReportStore(Database db)
{
    private byte[]? _secret;
    private byte[] Secret => _secret ??= db.Secret("receipts");

    private sealed record Row(string id, string jurisdiction, string? region, string week, string setting, string authority, string? conduct,
        string? carried, string? dependence, string? age_band, string? housing, string? text, string? version, string? offence, string law_provides,
        long beyond, string status, string? note);

    private const string Columns = "id, jurisdiction, region, week, setting, authority, conduct, carried, dependence, age_band, housing, text, version, offence, law_provides, beyond, status, note";

    /// <summary>
    /// Stores a batch in one transaction and answers for each submission in order. Called by <see cref="ReportWriter"/>,
    /// which gathers concurrent submissions so that many share one durable commit.
    /// </summary>
    public IReadOnlyList<Stored> Insert(IReadOnlyList<Submission> batch)
    {
        var results = new Stored[batch.Count];
        // Keys in a fixed order, so two instances writing overlapping batches on PostgreSQL lock rows in the same order.
        var keyHashes = batch.Select(s => Receipts.KeyHash(s.Key)).ToArray();
        var order = Enumerable.Range(0, batch.Count).OrderBy(i => keyHashes[i], StringComparer.Ordinal).ToArray();
        var counts = new SortedDictionary<(string, string, string), long>();
        var secret = Secret; // read (or made) before the transaction: SQLite has one writer, and this may write
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        foreach (var i in order)
        {
            var s = batch[i];
            var keyHash = keyHashes[i];
            var bodyHash = Receipts.BodyHash(s.Key, Canonical(s.Report));
            var id = Receipts.NewId();
            var fresh = c.Execute("INSERT INTO submissions (key_hash, body_hash, report_id) VALUES (@keyHash, @bodyHash, @id) ON CONFLICT (key_hash) DO NOTHING",
                new { keyHash, bodyHash, id }, tx);
            if (fresh == 0)
            {
                var (oldBody, oldId) = c.QuerySingle<(string?, string?)>("SELECT body_hash, report_id FROM submissions WHERE key_hash = @keyHash", new { keyHash }, tx);
                results[i] = oldId is null ? new(SubmissionOutcome.Withdrawn, null, null)
                    : oldBody != bodyHash ? new(SubmissionOutcome.Conflict, null, null)
                    : new(SubmissionOutcome.Replayed, oldId, Receipts.Derive(secret, s.Key));
                continue;
            }
            var receipt = Receipts.Derive(secret, s.Key);
            var r = s.Report;
            c.Execute($"""
                INSERT INTO reports (id, receipt_hash, jurisdiction, region, week, quarter, setting, authority, conduct, carried, dependence, age_band,
                                     housing, text, received_week, counted, version, offence, law_provides, beyond)
                VALUES (@id, @receiptHash, @jurisdiction, @region, @week, @quarter, @setting, @authority, @conduct, @carried, @dependence, @ageBand,
                        @housing, @text, @received, @counted, @version, @offence, @lawProvides, @beyond)
                """,
                new
                {
                    id, receiptHash = Receipts.Hash(receipt), jurisdiction = r.Jurisdiction, region = r.Region, week = r.Week.ToString(), quarter = r.Quarter.ToString(),
                    setting = r.Setting, authority = r.Authority, conduct = r.Conduct is { } k ? Policies.Words.Name(k) : null, carried = Carried(r),
                    dependence = r.Dependence == Dependence.Unknown ? null : Policies.Words.Name(EncounterInput.Dependences, r.Dependence),
                    ageBand = r.AgeBand, housing = r.Housing, text = r.Text, received = s.Received.ToString(), counted = s.Counted ? 1L : 0L,
                    version = s.Findings.Version, offence = s.Findings.Offence is { } o ? Policies.Words.Name(o) : null, lawProvides = s.Findings.LawProvides,
                    beyond = s.Findings.AnyBeyondTheLaw ? 1L : 0L,
                }, tx);
            c.Execute("""
                INSERT INTO report_acts (report_id, act, consented, amount, hours, finding, reason, rule, basis)
                VALUES (@id, @act, @consented, @amount, @hours, @finding, @reason, @rule, @basis)
                """,
                s.Findings.Acts.Select(a => new
                {
                    id, act = a.Act.Kind.Name(), consented = a.Act.Consented is { } y ? (y ? 1L : 0L) : (long?)null,
                    amount = a.Act.Amount is { } m ? $"{m.Amount.ToString(CultureInfo.InvariantCulture)} {m.Currency}" : null,
                    hours = (long?)a.Act.HoursHeld, finding = a.Finding.Name(), reason = a.Reason, rule = a.Rule, basis = a.Basis,
                }), tx);
            if (s.Counted)
                foreach (var cell in Figures.Keys(s.Findings))
                    counts[(r.Jurisdiction, r.Quarter.ToString(), cell)] = counts.GetValueOrDefault((r.Jurisdiction, r.Quarter.ToString(), cell)) + 1;
            results[i] = new(SubmissionOutcome.Stored, id, receipt);
        }
        AddCounts(c, tx, counts.Select(kv => (kv.Key, kv.Value)));
        tx.Commit();
        return results;
    }

    private static void AddCounts(DbConnection c, DbTransaction tx, IEnumerable<((string Jurisdiction, string Quarter, string Cell) Key, long N)> counts) =>
        c.Execute("""
            INSERT INTO report_counts (jurisdiction, quarter, cell, n) VALUES (@jurisdiction, @quarter, @cell, @n)
            ON CONFLICT (jurisdiction, quarter, cell) DO UPDATE SET n = report_counts.n + excluded.n
            """, counts.Select(x => new { jurisdiction = x.Key.Jurisdiction, quarter = x.Key.Quarter, cell = x.Key.Cell, n = x.N }), tx);

    /// <summary>The report a receipt code belongs to, or null.</summary>
    public StoredReport? ByReceipt(string? receipt)
    {
        if (Receipts.Hash(receipt) is not { } hash) return null;
        using var c = db.Connect();
        var row = c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM reports WHERE receipt_hash = @hash", new { hash });
        return row is null ? null : Load(c, row);
    }

    /// <summary>
    /// Deletes the report of a receipt code with its acts, notes and text, and forgets its key's content. Counts are
    /// lowered too while its quarter is unpublished; published figures never change, and hold no detail of any report.
    /// False when no report has that code.
    /// </summary>
    public bool Withdraw(string? receipt, DateOnly today, int graceDays)
    {
        if (Receipts.Hash(receipt) is not { } hash) return false;
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        var row = c.QuerySingleOrDefault<(string Id, string Jurisdiction, string Quarter, long Counted, long Beyond)>(
            "SELECT id, jurisdiction, quarter, counted, beyond FROM reports WHERE receipt_hash = @hash", new { hash }, tx);
        if (row.Id is null) return false;
        if (row.Counted == 1 && Quarter.TryParse(row.Quarter, out var quarter) && !Figures.IsPublished(quarter, today, graceDays))
        {
            var cells = new List<string> { Figures.ReportsKey };
            foreach (var (act, finding) in c.Query<(string, string)>("SELECT act, finding FROM report_acts WHERE report_id = @id", new { id = row.Id }, tx))
            {
                var (a, f) = (ReportWords.Acts[act], ReportWords.Findings[finding]);
                cells.AddRange([Figures.Key(a), Figures.Key(a, f)]);
            }
            if (row.Beyond == 1) cells.Add(Figures.AnyBeyondKey);
            c.Execute("UPDATE report_counts SET n = n - 1 WHERE jurisdiction = @jurisdiction AND quarter = @quarter AND cell = @cell",
                cells.Order(StringComparer.Ordinal).Select(cell => new { jurisdiction = row.Jurisdiction, quarter = row.Quarter, cell }), tx);
        }
        c.Execute("DELETE FROM report_acts WHERE report_id = @id", new { id = row.Id }, tx);
        c.Execute("DELETE FROM reports WHERE id = @id", new { id = row.Id }, tx);
        c.Execute("UPDATE submissions SET report_id = NULL, body_hash = NULL WHERE report_id = @id", new { id = row.Id }, tx);
        tx.Commit();
        return true;
    }

    /// <summary>A reviewer's list: reports of their jurisdictions, optionally of one status, newest weeks first.</summary>
    public IReadOnlyList<ReportSummary> ForReview(IReadOnlyCollection<string> jurisdictions, string? status, int limit = 500)
    {
        using var c = db.Connect();
        var filter = status is null ? "" : "AND r.status = @status";
        return c.Query<ReportSummary>($"""
            SELECT r.id, r.jurisdiction, r.region, r.week, r.setting, r.authority, r.beyond, r.status,
                   (SELECT COUNT(*) FROM report_acts a WHERE a.report_id = r.id) AS acts
            FROM reports r
            WHERE r.jurisdiction {db.InList("jurisdictions")} {filter}
            ORDER BY r.week DESC, r.id
            LIMIT @limit
            """, new { jurisdictions = jurisdictions.ToArray(), status, limit }).ToList();
    }

    /// <summary>One report, if it is in one of the reviewer's jurisdictions.</summary>
    public StoredReport? ReportForReview(IReadOnlyCollection<string> jurisdictions, string id)
    {
        using var c = db.Connect();
        var row = c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM reports WHERE id = @id AND jurisdiction {db.InList("jurisdictions")}", new { id, jurisdictions = jurisdictions.ToArray() });
        return row is null ? null : Load(c, row);
    }

    /// <summary>Sets a report's follow-up status and note; false when the report is not in the reviewer's jurisdictions.</summary>
    public bool SetStatus(IReadOnlyCollection<string> jurisdictions, string id, string status, string? note)
    {
        using var c = db.Connect();
        return c.Execute($"UPDATE reports SET status = @status, note = @note WHERE id = @id AND jurisdiction {db.InList("jurisdictions")}",
            new { id, status, note, jurisdictions = jurisdictions.ToArray() }) == 1;
    }

    /// <summary>Erases the free text of reports that came in before <paramref name="before"/>; returns how many.</summary>
    public int PurgeText(IsoWeek before)
    {
        using var c = db.Connect();
        return c.Execute("UPDATE reports SET text = NULL WHERE text IS NOT NULL AND received_week < @before", new { before = before.ToString() });
    }

    /// <summary>The raw counts behind the figures, for one jurisdiction or all, in a fixed order.</summary>
    public IReadOnlyList<CountRow> Counts(string? jurisdiction = null)
    {
        using var c = db.Connect();
        return jurisdiction is null
            ? c.Query<CountRow>("SELECT jurisdiction, quarter, cell, n FROM report_counts ORDER BY jurisdiction, quarter, cell").ToList()
            : c.Query<CountRow>("SELECT jurisdiction, quarter, cell, n FROM report_counts WHERE jurisdiction = @jurisdiction ORDER BY quarter, cell", new { jurisdiction }).ToList();
    }

    private static StoredReport Load(DbConnection c, Row r)
    {
        var acts = c.Query<StoredAct>("SELECT act, consented, amount, hours, finding, reason, rule, basis FROM report_acts WHERE report_id = @id ORDER BY act", new { r.id }).ToList();
        return new(r.id, r.jurisdiction, r.region, r.week, r.setting, r.authority, r.conduct, r.carried, r.dependence, r.age_band, r.housing, r.text,
            r.version, r.offence, r.law_provides, r.beyond == 1, r.status, r.note, acts);
    }

    private static string? Carried(Report r) => r.Carried.Count == 0 ? null
        : string.Join("; ", r.Carried.Select(i => i.Amount is { } q ? $"{i.Substance.Id} {q}" : i.Substance.Id));

    /// <summary>The report's content in a fixed form, so that a retry with the same content (however its JSON is spaced or ordered) is recognised.</summary>
    internal static string Canonical(Report r) => string.Join('\u001f',
        r.Jurisdiction, r.Region, r.Week, r.Setting, r.Authority, r.Conduct, Carried(r), r.Dependence, r.AgeBand, r.Housing, r.Text,
        string.Join('\u001e', r.Acts.Select(a => $"{a.Kind}|{a.Consented}|{a.Amount}|{a.HoursHeld}")));
}
