using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Decrim.Web.Storage;

/// <summary>
/// The application's database: an embedded SQLite file by default. Each use opens its own connection (pooled), so
/// nothing is shared between requests but the file; the schema below is created on start if missing.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;

    private Database(string connectionString) => _connectionString = connectionString;

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS simulation_jobs (
            id           TEXT PRIMARY KEY,
            scenario     TEXT NOT NULL,
            reforms      TEXT NOT NULL,
            population   INTEGER,
            replications INTEGER,
            status       TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
            progress     REAL NOT NULL DEFAULT 0,
            error        TEXT,
            created      TEXT NOT NULL,
            started      TEXT,
            finished     TEXT
        );
        CREATE INDEX IF NOT EXISTS simulation_jobs_queue ON simulation_jobs (status, created);
        CREATE TABLE IF NOT EXISTS simulation_files (
            job_id  TEXT NOT NULL REFERENCES simulation_jobs (id) ON DELETE CASCADE,
            name    TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (job_id, name)
        );
        """;

    /// <summary>Opens (creating if need be) the database named by a file path or a SQLite connection string.</summary>
    public static Database Open(string database)
    {
        SQLitePCL.Batteries_V2.Init();
        var builder = database.Contains('=') ? new SqliteConnectionStringBuilder(database) : new SqliteConnectionStringBuilder { DataSource = database };
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Cache = SqliteCacheMode.Private;
        var db = new Database(builder.ToString());
        if (!builder.DataSource.Equals(":memory:", StringComparison.Ordinal) && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } dir)
            Directory.CreateDirectory(dir);
        using var connection = db.Connect();
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute(Schema);
        return db;
    }

    public DbConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;");
        return connection;
    }
}
