using Decrim.Monitoring;
using Decrim.Storage.Reviewers;
using Decrim.Web.Monitoring;

namespace Decrim.Web.Api;

/// <summary>
/// Reviewing organisations' API, with an API key (<c>Authorization: Bearer dk_…</c>): the reports of their
/// jurisdictions, one report in full, and its follow-up status. Nobody else reads individual reports.
/// </summary>
public static class ReviewEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var review = api.MapGroup("/review").WithTags("Review");
        review.MapGet("/reports", List).WithName("ReviewList")
            .WithSummary("The reports of the organisation's jurisdictions, newest weeks first; ?status= narrows to one status.")
            .Produces(200, contentType: "application/json").ProducesProblem(401).ProducesValidationProblem();
        review.MapGet("/reports/{id}", One).WithName("ReviewReport")
            .WithSummary("One report in full, with its free text (until it is erased) and the organisation's note.")
            .Produces(200, contentType: "application/json").ProducesProblem(401).ProducesProblem(404);
        review.MapPost("/reports/{id}/status", SetStatus).WithName("ReviewStatus")
            .WithSummary("Sets the follow-up status (new, reviewed, referred-for-legal-support, closed) and a note.")
            .Accepts<StatusRequest>("application/json")
            .Produces(200, contentType: "application/json").ProducesProblem(401).ProducesProblem(404).ProducesValidationProblem();
    }

    private static IResult Unauthorised(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: 401, title: "Not signed in", detail: "Send a reviewer's API key as Authorization: Bearer dk_….");
    }

    private static IResult List(HttpContext context, Reviewers reviewers, Reporting reporting, string? status)
    {
        if (reviewers.FromKey(context.Request) is not { } org) return Unauthorised(context);
        if (status is not null && !ReportWords.Statuses.Contains(status))
            return Problems.Invalid("status", $"\"{status}\" is not one of: {string.Join(", ", ReportWords.Statuses)}.");
        var rows = reporting.Store.ForReview(org.Jurisdictions, status);
        return Problems.Json(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("organisation", org.Name);
            w.WriteStartArray("jurisdictions");
            foreach (var j in org.Jurisdictions) w.WriteStringValue(j);
            w.WriteEndArray();
            w.WriteStartArray("reports");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("id", r.id);
                w.WriteString("jurisdiction", r.jurisdiction);
                w.WriteString("region", r.region);
                w.WriteString("week", r.week);
                w.WriteString("setting", r.setting);
                w.WriteString("authority", r.authority);
                w.WriteNumber("acts", r.acts);
                w.WriteBoolean("beyondTheLaw", r.beyond == 1);
                w.WriteString("status", r.status);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static IResult One(HttpContext context, Reviewers reviewers, Reporting reporting, string id)
    {
        if (reviewers.FromKey(context.Request) is not { } org) return Unauthorised(context);
        return reporting.Store.ReportForReview(org.Jurisdictions, id) is { } report
            ? Problems.Json(Json.Write(w => ReportEndpoints.WriteReport(w, report, reviewer: true)))
            : Problems.NotFound("No report with this id in your jurisdictions.");
    }

    private static async Task<IResult> SetStatus(HttpContext context, Reviewers reviewers, Reporting reporting, string id)
    {
        if (reviewers.FromKey(context.Request) is not Organisation org) return Unauthorised(context);
        var (body, errors) = await JsonBody.Read<StatusRequest>(context.Request);
        if (body is null) return Problems.Invalid(errors!);
        if (Review.Problem(body.Status, body.Note) is { } problem) return Problems.Invalid(problem.Field, problem.Message);
        return reporting.Store.SetStatus(org.Jurisdictions, id, body.Status!, string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim())
            ? Problems.Json("""{"updated":true}""")
            : Problems.NotFound("No report with this id in your jurisdictions.");
    }
}
