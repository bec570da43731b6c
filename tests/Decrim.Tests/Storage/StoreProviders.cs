using Decrim.Storage;
using Npgsql;

namespace Decrim.Tests.Storage;

/// <summary>A real database for one test class, created empty and removed after (the Dapper test-suite pattern: one suite, several providers).</summary>
public interface IStoreProvider : IDisposable
{
    Database Open();
    /// <summary>What <see cref="Database.Open"/> takes to reach the same database again (a second instance).</summary>
    string Address { get; }
}

public sealed class SqliteProvider : IStoreProvider
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decrim-store-" + Guid.NewGuid().ToString("N"));
    public string Address => Path.Combine(_folder, "decrim.sqlite");
    public Database Open() => Database.Open(Address);
    public void Dispose() { try { Directory.Delete(_folder, true); } catch (IOException) { } }
}

/// <summary>
/// A fresh database on the PostgreSQL server that test.sh starts (DECRIM_TEST_POSTGRES). Without it the test fails:
/// a test that needs PostgreSQL never passes by skipping.
/// </summary>
public sealed class PostgresProvider : IStoreProvider
{
    private readonly string _name = "decrim_t_" + Guid.NewGuid().ToString("N")[..16];

    public static string Server => Environment.GetEnvironmentVariable("DECRIM_TEST_POSTGRES") is { Length: > 0 } s ? s
        : throw new InvalidOperationException("DECRIM_TEST_POSTGRES is not set: run the tests with ./test.sh, which installs and starts PostgreSQL.");

    public PostgresProvider()
    {
        using var c = new NpgsqlConnection(Server);
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {_name}", c);
        cmd.ExecuteNonQuery();
    }

    public string Address => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ToString();
    public Database Open() => Database.Open(Address);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(Server);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}
