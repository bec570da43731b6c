using System.Data.Common;
using System.Net.Sockets;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Decrim.Storage;

/// <summary>Which database engine a <see cref="Database"/> talks to; the stores' SQL is the same for both except where a method says.</summary>
public enum Dialect { Sqlite, Postgres }

/// <summary>
/// The application's database: an embedded SQLite file by default, PostgreSQL for deployment. Each use opens its own
/// connection from the driver's pool, so nothing is shared between requests but the database; the schema is created
/// on open if missing. Named by a file path, a SQLite connection string (<c>Data Source=…</c>), a PostgreSQL URL
/// (<c>postgres://user:password@host:5432/db</c>) or a PostgreSQL connection string (<c>Host=…;Database=…</c>).
/// </summary>
public sealed class Database : IDisposable
{
    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    private Database(string? sqlite, NpgsqlDataSource? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
        Dialect = postgres is null ? Dialect.Sqlite : Dialect.Postgres;
    }

    public Dialect Dialect { get; }

    /// <summary>Where the data is, without a password: for the start-up line and error messages.</summary>
    public string Describe() => _postgres is { } pg
        ? $"PostgreSQL {new NpgsqlConnectionStringBuilder(pg.ConnectionString).Host}/{new NpgsqlConnectionStringBuilder(pg.ConnectionString).Database}"
        : $"SQLite {new SqliteConnectionStringBuilder(_sqlite).DataSource}";

    /// <summary>Opens (creating the schema if need be) the database named by <paramref name="database"/>.</summary>
    public static Database Open(string database)
    {
        var db = IsPostgres(database) ? new Database(null, NpgsqlDataSource.Create(PostgresConnectionString(database))) : new Database(SqliteConnectionString(database), null);
        using var c = db.Connect();
        if (db.Dialect == Dialect.Sqlite) c.Execute("PRAGMA journal_mode = WAL;");
        else c.Execute("SELECT pg_advisory_lock(7201)"); // two instances starting at once create the schema one after the other
        c.Execute(db.Dialect == Dialect.Sqlite ? Schema.Sqlite : Schema.Postgres);
        if (db.Dialect == Dialect.Sqlite && c.QuerySingle<long>("SELECT COUNT(*) FROM pragma_table_info('simulation_jobs') WHERE name = 'heartbeat'") == 0)
            c.Execute("ALTER TABLE simulation_jobs ADD COLUMN heartbeat TEXT"); // files made before jobs had a heartbeat
        if (db.Dialect == Dialect.Postgres) c.Execute("SELECT pg_advisory_unlock(7201)");
        return db;
    }

    public static bool IsPostgres(string database) =>
        database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    private static string SqliteConnectionString(string database)
    {
        SQLitePCL.Batteries_V2.Init();
        var builder = database.Contains('=') ? new SqliteConnectionStringBuilder(database) : new SqliteConnectionStringBuilder { DataSource = database };
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Cache = SqliteCacheMode.Private;
        if (!builder.DataSource.Equals(":memory:", StringComparison.Ordinal) && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } dir)
            Directory.CreateDirectory(dir);
        return builder.ToString();
    }

    /// <summary>Turns <c>postgres://user:password@host:port/database?sslmode=require</c> into an Npgsql connection string.</summary>
    public static string PostgresConnectionString(string database)
    {
        if (!database.Contains("://", StringComparison.Ordinal)) return database;
        if (!Uri.TryCreate(database, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException("the PostgreSQL address is not a URL of the form postgres://user:password@host:5432/database.");
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2) builder[Uri.UnescapeDataString(kv[0])] = Uri.UnescapeDataString(kv[1]);
        }
        return builder.ToString();
    }

    /// <summary>
    /// "is one of the list @<paramref name="parameter"/>": Dapper expands <c>IN @list</c> for SQLite, while PostgreSQL
    /// takes the list as one array parameter.
    /// </summary>
    public string InList(string parameter) => Dialect == Dialect.Postgres ? $"= ANY(@{parameter})" : $"IN @{parameter}";

    public DbConnection Connect()
    {
        if (_postgres is { } pg) return pg.OpenConnection();
        var connection = new SqliteConnection(_sqlite);
        connection.Open();
        // synchronous = FULL: a commit is on disk before it returns, so an acknowledged report survives a crash or power cut.
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;");
        return connection;
    }

    /// <summary>
    /// A random secret kept in the database, created on first use and then the same for every instance. Used where
    /// instances must agree (receipt codes derived from idempotency keys) and nowhere it would be a privacy risk.
    /// </summary>
    public byte[] Secret(string name)
    {
        using var c = Connect();
        c.Execute("INSERT INTO settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING",
            new { name, value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        return Convert.FromBase64String(c.QuerySingle<string>("SELECT value FROM settings WHERE name = @name", new { name }));
    }

    /// <summary>
    /// True when <paramref name="error"/> means the database cannot be reached or cannot take writes just now (down,
    /// locked, out of space, the network gone), as opposed to a fault in the request or the code: the caller answers
    /// 503 and the client may retry. Nothing was committed.
    /// </summary>
    public static bool IsUnavailable(Exception error) => error switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState is "40001" or "40P01",
        NpgsqlException => true,
        SqliteException s => s.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14,
        SocketException or TimeoutException => true,
        DbException { InnerException: { } inner } => IsUnavailable(inner),
        AggregateException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    public void Dispose() => _postgres?.Dispose();
}
