namespace Decrim.Storage;

/// <summary>
/// The tables, once per engine. They match column for column; SQLite's differ only where the engine does
/// (<c>WITHOUT ROWID</c>, which keeps reports in key order rather than in the order they came in).
/// <para>
/// What is deliberately absent: no table has a timestamp of a report, an IP address, a user agent or any account of
/// the reporter. A report's time is its ISO week; <c>received_week</c> (the week it came in) exists only so that free
/// text can be purged after the retention period.
/// </para>
/// </summary>
internal static class Schema
{
    private const string Common = """
        CREATE TABLE IF NOT EXISTS settings (
            name  TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS data_protection_keys (
            name TEXT PRIMARY KEY,
            xml  TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS simulation_jobs (
            id           TEXT PRIMARY KEY,
            scenario     TEXT NOT NULL,
            reforms      TEXT NOT NULL,
            population   BIGINT,
            replications BIGINT,
            status       TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
            progress     DOUBLE PRECISION NOT NULL DEFAULT 0,
            error        TEXT,
            created      TEXT NOT NULL,
            started      TEXT,
            finished     TEXT,
            heartbeat    TEXT
        );
        CREATE INDEX IF NOT EXISTS simulation_jobs_queue ON simulation_jobs (status, created);
        CREATE TABLE IF NOT EXISTS simulation_files (
            job_id  TEXT NOT NULL REFERENCES simulation_jobs (id) ON DELETE CASCADE,
            name    TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (job_id, name)
        );
        -- One row per idempotency key ever used. report_id is null once the report is withdrawn, and body_hash too:
        -- then nothing of the report is left, and a retry of the same submission is answered "withdrawn", not stored again.
        CREATE TABLE IF NOT EXISTS submissions (
            key_hash  TEXT PRIMARY KEY,
            body_hash TEXT,
            report_id TEXT
        ){0};
        CREATE TABLE IF NOT EXISTS reports (
            id            TEXT PRIMARY KEY,
            receipt_hash  TEXT NOT NULL UNIQUE,
            jurisdiction  TEXT NOT NULL,
            region        TEXT,
            week          TEXT NOT NULL,
            quarter       TEXT NOT NULL,
            setting       TEXT NOT NULL,
            authority     TEXT NOT NULL,
            conduct       TEXT,
            carried       TEXT,
            dependence    TEXT,
            age_band      TEXT,
            housing       TEXT,
            text          TEXT,
            received_week TEXT NOT NULL,
            counted       BIGINT NOT NULL,
            version       TEXT,
            offence       TEXT,
            law_provides  TEXT NOT NULL,
            beyond        BIGINT NOT NULL,
            status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed', 'referred-for-legal-support', 'closed')),
            note          TEXT
        ){0};
        CREATE INDEX IF NOT EXISTS submissions_report ON submissions (report_id);
        CREATE INDEX IF NOT EXISTS reports_review ON reports (jurisdiction, status, week);
        CREATE INDEX IF NOT EXISTS reports_text ON reports (received_week) WHERE text IS NOT NULL;
        CREATE TABLE IF NOT EXISTS report_acts (
            report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
            act       TEXT NOT NULL,
            consented BIGINT,
            amount    TEXT,
            hours     BIGINT,
            finding   TEXT NOT NULL,
            reason    TEXT NOT NULL,
            rule      TEXT,
            basis     TEXT,
            PRIMARY KEY (report_id, act)
        ){0};
        -- The published figures' raw counts, kept as reports arrive (see Figures.Keys), so figures over millions of
        -- reports are a read of a few hundred rows. A quarter's counts stop changing once it is published.
        CREATE TABLE IF NOT EXISTS report_counts (
            jurisdiction TEXT NOT NULL,
            quarter      TEXT NOT NULL,
            cell         TEXT NOT NULL,
            n            BIGINT NOT NULL,
            PRIMARY KEY (jurisdiction, quarter, cell)
        ){0};
        CREATE TABLE IF NOT EXISTS organisations (
            id            TEXT PRIMARY KEY,
            login         TEXT NOT NULL UNIQUE,
            name          TEXT NOT NULL,
            jurisdictions TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            key_id        TEXT NOT NULL UNIQUE,
            key_hash      TEXT NOT NULL,
            disabled      BIGINT NOT NULL DEFAULT 0
        );
        """;

    public static readonly string Sqlite = Common.Replace("{0}", " WITHOUT ROWID", StringComparison.Ordinal);
    public static readonly string Postgres = Common.Replace("{0}", "", StringComparison.Ordinal);
}
