using System.Globalization;
using System.Text;
using System.Text.Json;
using Decrim.Monitoring;
using Decrim.Storage.Reports;
using Decrim.Web.Monitoring;

namespace Decrim.Web.Api;

/// <summary>
/// Community monitoring: anyone may report an encounter (no account), view or withdraw it with the receipt code, and
/// read the published figures. Individual reports are never public; reviewers read them through <see cref="ReviewEndpoints"/>.
/// </summary>
public static class ReportEndpoints
{
    public const string RateLimit = "reports";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/reports", Submit).WithName("SubmitReport").WithTags("Monitoring").RequireRateLimiting(RateLimit)
            .WithSummary("Reports an encounter: where (jurisdiction, optional first-level region), the ISO week (or a date, kept only as its week), the setting, the authority and the acts. What was carried and the person's situation only if they choose. Send an Idempotency-Key header (16–200 characters, e.g. a UUID) to make retries safe. Answers 201 with the receipt code and how each act stands against the law once the report is durably stored; 200 with the same receipt for a retry; 409 when the key was used for another report; 410 when that report was withdrawn.")
            .Accepts<ReportInput>("application/json")
            .Produces(201, contentType: "application/json").Produces(200, contentType: "application/json").ProducesValidationProblem()
            .ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(429).ProducesProblem(503);
        api.MapPost("/reports/receipt", View).WithName("ViewReport").WithTags("Monitoring").RequireRateLimiting(RateLimit)
            .WithSummary("One's own report, by its receipt code (in the body, never the URL): what is stored, how each act stands against the law, and its follow-up status.")
            .Accepts<ReceiptRequest>("application/json").Produces(200, contentType: "application/json").ProducesProblem(404);
        api.MapPost("/reports/withdraw", Withdraw).WithName("WithdrawReport").WithTags("Monitoring").RequireRateLimiting(RateLimit)
            .WithSummary("Deletes one's own report, by its receipt code, with its acts, text and reviewers' notes. Figures already published do not change.")
            .Accepts<ReceiptRequest>("application/json").Produces(200, contentType: "application/json").ProducesProblem(404);
        api.MapGet("/figures", Figures).WithName("Figures").WithTags("Monitoring")
            .WithSummary("Published figures per jurisdiction and quarter: reports, and for each act the count and share of reports, split by finding (provided by law, beyond the law, not covered). A quarter is published Decrim:PublishAfterDays after it ends and never changes after. Counts below Decrim:MinimumCellCount are suppressed (null), with complementary suppression.")
            .Produces(200, contentType: "application/json").ProducesValidationProblem();
        api.MapGet("/figures.csv", FiguresCsv).WithName("FiguresCsv").WithTags("Monitoring")
            .WithSummary("The same published figures as CSV: one row per jurisdiction, quarter and cell; suppressed cells have an empty count.")
            .Produces(200, contentType: "text/csv").ProducesValidationProblem();
    }

    private static async Task<IResult> Submit(HttpRequest request, Reporting reporting)
    {
        var key = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : null;
        if (Reporting.KeyProblem(key) is { } keyProblem) return Problems.Invalid("Idempotency-Key", keyProblem);
        var (body, errors) = await JsonBody.Read<ReportInput>(request);
        if (body is null) return Problems.Invalid(errors!);
        var result = await reporting.Submit(body, key);
        if (result.Stored is not { } stored) return Problems.Invalid(result.Errors);
        return stored.Outcome switch
        {
            SubmissionOutcome.Conflict => Results.Problem(statusCode: 409, title: "Key already used",
                detail: "This Idempotency-Key was used for a different report. Use a new key for a new report."),
            SubmissionOutcome.Withdrawn => Results.Problem(statusCode: 410, title: "Withdrawn",
                detail: "The report sent with this Idempotency-Key was withdrawn by its reporter; nothing of it is kept."),
            _ => Problems.Json(Json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("status", stored.Outcome == SubmissionOutcome.Stored ? "stored" : "stored-before");
                w.WriteString("receipt", stored.Receipt);
                w.WriteString("keep", "Keep the receipt code: it is the only way to see or withdraw this report. It is not stored and cannot be recovered.");
                w.WritePropertyName("report");
                WriteReport(w, reporting.Store.ByReceipt(stored.Receipt)!, reviewer: false);
                w.WriteEndObject();
            }), stored.Outcome == SubmissionOutcome.Stored ? 201 : 200),
        };
    }

    private static async Task<IResult> View(HttpRequest request, Reporting reporting)
    {
        var (body, errors) = await JsonBody.Read<ReceiptRequest>(request);
        if (body is null) return Problems.Invalid(errors!);
        if (reporting.Store.ByReceipt(body.Receipt) is not { } report) return Problems.NotFound("No report has this receipt code (it may have been withdrawn).");
        return Problems.Json(Json.Write(w => WriteReport(w, report, reviewer: false)));
    }

    private static async Task<IResult> Withdraw(HttpRequest request, Reporting reporting, DecrimOptions options)
    {
        var (body, errors) = await JsonBody.Read<ReceiptRequest>(request);
        if (body is null) return Problems.Invalid(errors!);
        if (!reporting.Store.Withdraw(body.Receipt, reporting.Today, options.PublishAfterDays))
            return Problems.NotFound("No report has this receipt code (it may have been withdrawn already).");
        return Problems.Json("""{"withdrawn":true}""");
    }

    private static bool TryFilter(HttpRequest request, Reporting reporting, out string? jurisdiction, out Quarter? quarter, out IResult? problem)
    {
        jurisdiction = request.Query["jurisdiction"].ToString() is { Length: > 0 } j ? j.Trim().ToUpperInvariant() : null;
        quarter = null;
        problem = null;
        if (jurisdiction is not null && !reporting.Jurisdictions.Contains(jurisdiction))
        {
            problem = Problems.Invalid("jurisdiction", $"\"{jurisdiction}\" is not a jurisdiction in the catalogue.");
            return false;
        }
        if (request.Query["quarter"].ToString() is { Length: > 0 } q)
        {
            if (!Quarter.TryParse(q, out var parsed)) { problem = Problems.Invalid("quarter", $"\"{q}\" is not a quarter; write it as 2026-Q3."); return false; }
            quarter = parsed;
        }
        return true;
    }

    private static IResult Figures(HttpRequest request, Reporting reporting, DecrimOptions options)
    {
        if (!TryFilter(request, reporting, out var jurisdiction, out var quarter, out var problem)) return problem!;
        var tables = reporting.Figures(jurisdiction, quarter);
        return Problems.Json(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("minimumCellCount", options.MinimumCellCount);
            w.WriteNumber("publishAfterDays", options.PublishAfterDays);
            w.WriteStartArray("quarters");
            foreach (var t in tables)
            {
                w.WriteStartObject();
                w.WriteString("jurisdiction", t.Jurisdiction);
                w.WriteString("quarter", t.Quarter.ToString());
                if (t.Reports is { } n) w.WriteNumber("reports", n);
                else w.WriteString("reports", $"fewer than {options.MinimumCellCount}");
                w.WriteStartArray("cells");
                foreach (var c in t.Cells)
                {
                    w.WriteStartObject();
                    w.WriteString("cell", c.Key);
                    if (c.Act is { } a) w.WriteString("act", a.Name()); else w.WriteNull("act");
                    if (c.Finding is { } f) w.WriteString("finding", f.Name()); else w.WriteNull("finding");
                    if (c.Count is { } count) w.WriteNumber("count", count); else w.WriteNull("count");
                    if (c.Share is { } share) w.WriteNumber("share", share); else w.WriteNull("share");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static IResult FiguresCsv(HttpRequest request, Reporting reporting)
    {
        if (!TryFilter(request, reporting, out var jurisdiction, out var quarter, out var problem)) return problem!;
        return Results.Text(Csv(reporting.Figures(jurisdiction, quarter)), "text/csv; charset=utf-8");
    }

    /// <summary>One row per jurisdiction, quarter and cell; a suppressed count or share is empty, and a quarter with too few reports has one row saying so.</summary>
    public static string Csv(IReadOnlyList<QuarterFigures> tables)
    {
        var sb = new StringBuilder("jurisdiction,quarter,reports,cell,act,finding,count,share\n");
        foreach (var t in tables)
        {
            var reports = t.Reports?.ToString(CultureInfo.InvariantCulture) ?? "";
            if (t.Suppressed) sb.Append(CultureInfo.InvariantCulture, $"{t.Jurisdiction},{t.Quarter},,,,,,\n");
            foreach (var c in t.Cells)
                sb.Append(CultureInfo.InvariantCulture, $"{t.Jurisdiction},{t.Quarter},{reports},{c.Key},{c.Act?.Name()},{c.Finding?.Name()},{c.Count},{c.Share}\n");
        }
        return sb.ToString();
    }

    /// <summary>A stored report as JSON: for its reporter, or (with the id and the note) for a reviewer.</summary>
    public static void WriteReport(Utf8JsonWriter w, StoredReport r, bool reviewer)
    {
        w.WriteStartObject();
        if (reviewer) w.WriteString("id", r.Id);
        w.WriteString("jurisdiction", r.Jurisdiction);
        w.WriteString("region", r.Region);
        w.WriteString("week", r.Week);
        w.WriteString("setting", r.Setting);
        w.WriteString("authority", r.Authority);
        w.WriteString("conduct", r.Conduct);
        w.WriteString("carried", r.Carried);
        w.WriteString("dependence", r.Dependence);
        w.WriteString("ageBand", r.AgeBand);
        w.WriteString("housing", r.Housing);
        w.WriteString("text", r.Text);
        w.WriteString("lawVersion", r.Version);
        w.WriteString("offence", r.Offence);
        w.WriteString("lawProvides", r.LawProvides);
        w.WriteBoolean("beyondTheLaw", r.Beyond);
        w.WriteString("status", r.Status);
        if (reviewer) w.WriteString("note", r.Note);
        w.WriteStartArray("acts");
        foreach (var a in r.Acts)
        {
            w.WriteStartObject();
            w.WriteString("act", a.act);
            if (a.consented is { } c) w.WriteBoolean("consented", c == 1);
            if (a.amount is { } amount) w.WriteString("amount", amount);
            if (a.hours is { } h) w.WriteNumber("hours", h);
            w.WriteString("finding", a.finding);
            w.WriteString("reason", a.reason);
            w.WriteString("rule", a.rule);
            w.WriteString("basis", a.basis);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
