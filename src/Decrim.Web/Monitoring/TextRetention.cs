using Decrim.Monitoring;
using Decrim.Storage;
using Decrim.Storage.Reports;

namespace Decrim.Web.Monitoring;

/// <summary>Erases reports' free text once it is older than the retention period: on start, then every hour.</summary>
public sealed class TextRetention(ReportStore store, DecrimOptions options, TimeProvider clock, ILogger<TextRetention> log) : BackgroundService
{
    /// <summary>The first week whose text is kept: text that came in before it is erased.</summary>
    public static IsoWeek Cutoff(DateOnly today, int retentionDays) => IsoWeek.Of(today.AddDays(-retentionDays));

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var erased = store.PurgeText(Cutoff(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), options.TextRetentionDays));
                if (erased > 0) log.LogInformation("Erased the free text of {Count} reports past the retention period.", erased);
            }
            catch (Exception e) when (Database.IsUnavailable(e))
            {
                log.LogWarning("Text retention: the database cannot be reached ({Error}); trying again later.", e.Message);
            }
            try { await Task.Delay(TimeSpan.FromHours(1), clock, stopping); } catch (OperationCanceledException) { return; }
        }
    }
}
