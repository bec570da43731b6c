using System.Globalization;
using System.Security.Cryptography;
using Dapper;

namespace Decrim.Storage;

/// <summary>A simulation asked for: what to run, and where it stands.</summary>
public sealed record SimulationJob(string Id, string Scenario, IReadOnlyList<string> Reforms, int? Population, int? Replications,
    string Status, double Progress, string? Error, DateTimeOffset Created, DateTimeOffset? Started, DateTimeOffset? Finished)
{
    public bool Pending => Status is "queued" or "running";
}

/// <summary>
/// Simulation jobs and their output files, in the database, so any instance can answer for any job and a restart
/// loses none: a job is queued, claimed by one worker, and stored done (with its files) or failed (with why).
/// </summary>
public sealed class SimulationJobs(Database db)
{
    private sealed record Row(string id, string scenario, string reforms, long? population, long? replications, string status,
        double progress, string? error, string created, string? started, string? finished);

    private const string Columns = "id, scenario, reforms, population, replications, status, progress, error, created, started, finished";

    public SimulationJob Queue(string scenario, IReadOnlyList<string> reforms, int? population, int? replications)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        using var c = db.Connect();
        c.Execute("""
            INSERT INTO simulation_jobs (id, scenario, reforms, population, replications, status, created)
            VALUES (@id, @scenario, @reforms, @population, @replications, 'queued', @created)
            """, new { id, scenario, reforms = string.Join('\n', reforms), population, replications, created = Now() });
        return Get(id)!;
    }

    public SimulationJob? Get(string id)
    {
        using var c = db.Connect();
        return c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM simulation_jobs WHERE id = @id", new { id }) is { } row ? Map(row) : null;
    }

    /// <summary>Takes the oldest queued job for this worker, or null; two workers never take the same one.</summary>
    public SimulationJob? Claim()
    {
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        var id = c.QuerySingleOrDefault<string>("SELECT id FROM simulation_jobs WHERE status = 'queued' ORDER BY created, id LIMIT 1", transaction: tx);
        if (id is null) return null;
        var claimed = c.Execute("UPDATE simulation_jobs SET status = 'running', started = @now, heartbeat = @now, progress = 0 WHERE id = @id AND status = 'queued'",
            new { id, now = Now() }, tx);
        tx.Commit();
        return claimed == 1 ? Get(id) : null;
    }

    public void Progress(string id, double progress)
    {
        using var c = db.Connect();
        c.Execute("UPDATE simulation_jobs SET progress = @progress, heartbeat = @now WHERE id = @id AND status = 'running'", new { id, progress, now = Now() });
    }

    /// <summary>Stores the files and marks the job done, in one transaction: a reader sees all of it or none.</summary>
    public void Complete(string id, IReadOnlyDictionary<string, string> files)
    {
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        c.Execute("DELETE FROM simulation_files WHERE job_id = @id", new { id }, tx);
        foreach (var (name, content) in files)
            c.Execute("INSERT INTO simulation_files (job_id, name, content) VALUES (@id, @name, @content)", new { id, name, content }, tx);
        c.Execute("UPDATE simulation_jobs SET status = 'done', progress = 1, finished = @now WHERE id = @id", new { id, now = Now() }, tx);
        tx.Commit();
    }

    public void Fail(string id, string error)
    {
        using var c = db.Connect();
        c.Execute("UPDATE simulation_jobs SET status = 'failed', error = @error, finished = @now WHERE id = @id", new { id, error, now = Now() });
    }

    /// <summary>Jobs a stopped worker left running go back to the queue.</summary>
    public int Requeue(IReadOnlyCollection<string> ids)
    {
        using var c = db.Connect();
        return c.Execute($"UPDATE simulation_jobs SET status = 'queued', started = NULL, progress = 0 WHERE id {db.InList("ids")} AND status = 'running'", new { ids = ids.ToArray() });
    }

    /// <summary>On start of the only worker (an SQLite file serves one instance): anything left running by a crash is queued again.</summary>
    public int RequeueAllRunning()
    {
        using var c = db.Connect();
        return c.Execute("UPDATE simulation_jobs SET status = 'queued', started = NULL, progress = 0 WHERE status = 'running'");
    }

    /// <summary>With several instances on one database: jobs whose worker has given no sign of life since <paramref name="before"/> (it crashed) go back to the queue.</summary>
    public int RequeueStale(DateTimeOffset before)
    {
        using var c = db.Connect();
        return c.Execute("UPDATE simulation_jobs SET status = 'queued', started = NULL, progress = 0 WHERE status = 'running' AND (heartbeat IS NULL OR heartbeat < @before)",
            new { before = Stamp(before) });
    }

    public string? File(string id, string name)
    {
        using var c = db.Connect();
        return c.QuerySingleOrDefault<string>("SELECT content FROM simulation_files WHERE job_id = @id AND name = @name", new { id, name });
    }

    public IReadOnlyList<string> Files(string id)
    {
        using var c = db.Connect();
        return c.Query<string>("SELECT name FROM simulation_files WHERE job_id = @id ORDER BY name", new { id }).ToList();
    }

    public int DeleteFinishedBefore(DateTimeOffset before)
    {
        using var c = db.Connect();
        return c.Execute("DELETE FROM simulation_jobs WHERE status IN ('done', 'failed') AND finished < @before", new { before = Stamp(before) });
    }

    private static string Now() => Stamp(DateTimeOffset.UtcNow);
    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
    private static DateTimeOffset? Parse(string? s) => s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static SimulationJob Map(Row r) => new(r.id, r.scenario, r.reforms.Length == 0 ? [] : r.reforms.Split('\n'),
        (int?)r.population, (int?)r.replications, r.status, r.progress, r.error, Parse(r.created)!.Value, Parse(r.started), Parse(r.finished));
}
