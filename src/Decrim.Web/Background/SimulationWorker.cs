using System.Threading.Channels;
using Decrim.Simulation;
using Decrim.Storage;
using Decrim.Web.Site;

namespace Decrim.Web.Background;

/// <summary>Wakes the worker when a job is queued, so it need not wait for its next look at the database.</summary>
public sealed class SimulationQueue
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signal.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancel)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(timeout);
        try { await _signal.Reader.ReadAsync(timer.Token); }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested) { }
    }
}

/// <summary>
/// Runs queued simulations one at a time, in the background: reads the scenario and reforms, runs the simulator,
/// and stores every output file (the same files <c>decrim simulate</c> writes, and the report's body for the page).
/// A job cut short by shutdown goes back to the queue.
/// </summary>
public sealed class SimulationWorker(Database db, SimulationJobs jobs, SimulationQueue queue, Bundle bundle, DecrimOptions options, ILogger<SimulationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Work(stopping);
                return;
            }
            catch (Exception e) when (Database.IsUnavailable(e))
            {
                // The database is down: the web tier answers 503 meanwhile; the worker waits and carries on.
                log.LogWarning("Simulation worker: the database cannot be reached ({Error}); trying again in 5 s.", e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(5), stopping); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task Work(CancellationToken stopping)
    {
        // An SQLite file serves one instance, so whatever it left running was cut short; on PostgreSQL another
        // instance may be running it, and only jobs without a sign of life for ten minutes are taken back.
        if (db.Dialect == Dialect.Sqlite) jobs.RequeueAllRunning();
        while (!stopping.IsCancellationRequested)
        {
            var job = jobs.Claim();
            if (job is null)
            {
                if (db.Dialect == Dialect.Postgres) jobs.RequeueStale(DateTimeOffset.UtcNow.AddMinutes(-10));
                jobs.DeleteFinishedBefore(DateTimeOffset.UtcNow.AddDays(-options.KeepSimulationsDays));
                await queue.WaitAsync(TimeSpan.FromSeconds(2), stopping);
                continue;
            }
            try
            {
                var files = await Task.Run(() => Run(job, stopping), stopping);
                jobs.Complete(job.Id, files);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                jobs.Requeue([job.Id]);
            }
            catch (Exception e) when (e is SimulationException or CatalogueException or Evaluation.EvaluationException)
            {
                jobs.Fail(job.Id, e.Message);
            }
            catch (Exception e)
            {
                log.LogError(e, "Simulation {Job} failed unexpectedly", job.Id);
                jobs.Fail(job.Id, "the simulation failed unexpectedly; the server log has the details.");
            }
        }
    }

    private Dictionary<string, string> Run(SimulationJob job, CancellationToken stopping)
    {
        var (scenario, diagnostics) = bundle.Scenario(job.Scenario);
        if (scenario is null) throw new SimulationException(diagnostics.Count > 0 ? $"the scenario does not validate: {diagnostics[0]}" : $"the scenario \"{job.Scenario}\" is no longer available.");
        if (job.Population is { } size) scenario = scenario with { Population = scenario.Population with { Size = size } };
        if (job.Replications is { } reps) scenario = scenario with { Replications = reps };
        var reforms = new List<Reform>();
        foreach (var name in job.Reforms)
        {
            var (reform, problems) = bundle.Reform(name);
            reforms.Add(reform ?? throw new SimulationException(problems.Count > 0 ? $"the reform does not validate: {problems[0]}" : $"the reform \"{name}\" is no longer available."));
        }
        var policies = SimulatedPolicy.For(scenario, reforms, bundle.Catalogue.Get);
        var last = DateTime.MinValue;
        var progress = new Progress<double>(share =>
        {
            if (DateTime.UtcNow - last < TimeSpan.FromMilliseconds(500)) return;
            last = DateTime.UtcNow;
            jobs.Progress(job.Id, share);
        });
        var result = Simulator.Run(scenario, policies, threads: 0, progress, stopping);
        var files = SimulationReport.Files(result);
        files["report-body.html"] = SimulationReport.Body(result);
        return files;
    }
}
