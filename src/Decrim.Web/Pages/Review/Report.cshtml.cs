using Decrim.Storage.Reports;
using Decrim.Storage.Reviewers;
using Decrim.Web.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages.Review;

/// <summary>One report in full for a reviewer of its jurisdiction, with the follow-up status and note.</summary>
public sealed class ReportModel(Reviewers reviewers, Reporting reporting) : PageModel
{
    public Organisation? Organisation { get; private set; }
    public StoredReport? Report { get; private set; }
    public string? Error { get; private set; }
    public bool Saved { get; private set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IActionResult OnGet(string id) => Load(id) ?? Page();

    public IActionResult OnPost(string id)
    {
        if (Load(id) is { } outcome) return outcome;
        if (Decrim.Web.Monitoring.Review.Problem(Status, Note) is { } problem)
        {
            Error = $"{problem.Field}: {problem.Message}";
            return Page();
        }
        reporting.Store.SetStatus(Organisation!.Jurisdictions, id, Status!, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
        Saved = true;
        Report = reporting.Store.ReportForReview(Organisation.Jurisdictions, id);
        return Page();
    }

    private IActionResult? Load(string id)
    {
        if (reviewers.FromCookie(User) is not { } org) return Redirect("/review/login");
        Organisation = org;
        Report = reporting.Store.ReportForReview(org.Jurisdictions, id);
        return Report is null ? NotFound() : null;
    }
}
