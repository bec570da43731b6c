using System.Threading.Channels;

namespace Decrim.Storage.Reports;

/// <summary>
/// Group commit for submissions. Each caller waits until its report is durably committed; meanwhile one loop takes
/// every submission waiting (up to <see cref="MaxBatch"/>) and stores them in one transaction, so a burst shares one
/// disk flush instead of paying one each. A failed transaction fails every submission in it — none was stored, so
/// each may be retried with its key — and the loop goes on with the next.
/// </summary>
public sealed class ReportWriter : IAsyncDisposable
{
    public const int MaxBatch = 128;

    private sealed record Pending(Submission Submission, TaskCompletionSource<Stored> Done);

    private readonly ReportStore _store;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public ReportWriter(ReportStore store)
    {
        _store = store;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Completes once the submission is committed (or known from before); faults with the database's error otherwise.</summary>
    public Task<Stored> Submit(Submission submission)
    {
        var pending = new Pending(submission, new TaskCompletionSource<Stored>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) pending.Done.SetException(new ObjectDisposedException(nameof(ReportWriter), "the server is shutting down."));
        return pending.Done.Task;
    }

    private async Task Run()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
            try
            {
                var stored = Store(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(stored[i]);
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Done.TrySetException(e);
            }
        }
    }

    private IReadOnlyList<Stored> Store(List<Pending> batch)
    {
        var submissions = batch.Select(p => p.Submission).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try { return _store.Insert(submissions); }
            // Two instances on PostgreSQL may deadlock on the same keys; the loser's transaction rolled back whole, so try again.
            catch (Npgsql.PostgresException e) when (e.SqlState is "40P01" or "40001" && attempt < 4) { Thread.Sleep(10 * attempt); }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
