using System.Collections.Frozen;
using Decrim.Evaluation;
using Decrim.Monitoring;
using Decrim.Storage.Reports;
using Decrim.Web.Site;

namespace Decrim.Web.Monitoring;

/// <summary>What a submission came to: the stored outcome with the receipt, or the errors that kept it from being stored.</summary>
public sealed record SubmitResult(Stored? Stored, IReadOnlyList<InputError> Errors);

/// <summary>
/// The front doors' one path from a submitted report to a stored one, and from raw counts to published figures: the
/// form and the API both come here. Parse (coarsening the date to its week), compare with the law, hand to the writer,
/// wait for the durable commit.
/// </summary>
public sealed class Reporting(Bundle bundle, ReportStore store, ReportWriter writer, DecrimOptions options, TimeProvider clock)
{
    private FrozenSet<string>? _codes;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public IReadOnlySet<string> Jurisdictions => _codes ??= bundle.ByCode.Keys.ToFrozenSet(StringComparer.Ordinal);
    public ReportStore Store => store;
    public int PublishAfterDays => options.PublishAfterDays;

    /// <summary>A key is what a client uses to make a retry safe: long enough not to be guessed, printable ASCII.</summary>
    public static string? KeyProblem(string? key) =>
        key is null ? null
        : key.Length is < 16 or > 200 ? "an Idempotency-Key is 16 to 200 characters; a UUID will do."
        : key.Any(c => c is < '!' or > '~') ? "an Idempotency-Key is printable ASCII without spaces."
        : null;

    public async Task<SubmitResult> Submit(ReportInput input, string? key)
    {
        var today = Today;
        var report = input.Parse(today, Jurisdictions, out var errors);
        if (report is null) return new(null, errors);
        var findings = LawCheck.Compare(report, bundle.ByCode.GetValueOrDefault(report.Jurisdiction));
        var counted = !global::Decrim.Monitoring.Figures.IsPublished(report.Quarter, today, options.PublishAfterDays);
        var stored = await writer.Submit(new Submission(key ?? Guid.NewGuid().ToString("N"), report, findings, IsoWeek.Of(today), counted));
        return new(stored, []);
    }

    /// <summary>Published figures, for one jurisdiction or all, one quarter or all: always the same cells, however asked.</summary>
    public IReadOnlyList<QuarterFigures> Figures(string? jurisdiction, Quarter? quarter)
    {
        var today = Today;
        return store.Counts(jurisdiction)
            .GroupBy(r => (r.jurisdiction, r.quarter))
            .Select(g => (g.Key.jurisdiction, Quarter: Parse(g.Key.quarter), Counts: g.ToDictionary(r => r.cell, r => r.n, StringComparer.Ordinal)))
            .Where(t => t.Quarter is { } q && (quarter is null || q == quarter) && Decrim.Monitoring.Figures.IsPublished(q, today, options.PublishAfterDays))
            .Select(t => Decrim.Monitoring.Figures.Publish(t.jurisdiction, t.Quarter!.Value, t.Counts, options.MinimumCellCount))
            .ToList();
    }

    private static Quarter? Parse(string text) => Quarter.TryParse(text, out var q) ? q : null;
}
