using Decrim.Monitoring;
using Decrim.Storage.Reports;
using Decrim.Storage.Reviewers;
using Decrim.Web.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages.Review;

/// <summary>A reviewer's list: the reports of their organisation's jurisdictions, by status.</summary>
public sealed class IndexModel(Reviewers reviewers, Reporting reporting) : PageModel
{
    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public IActionResult OnGet()
    {
        if (reviewers.FromCookie(User) is not { } org) return Redirect("/review/login");
        Organisation = org;
        if (Status is not null && !ReportWords.Statuses.Contains(Status)) Status = null;
        Reports = reporting.Store.ForReview(org.Jurisdictions, Status);
        return Page();
    }
}
