using Decrim.Assessment;
using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>One jurisdiction: its model now and over time, thresholds, what happens to standard people, its assessment and sources.</summary>
public sealed class JurisdictionModel(Bundle bundle, Monitoring.Reporting reporting) : PageModel
{
    /// <summary>Published monitoring figures for this jurisdiction, newest quarter first; null when the database cannot be reached.</summary>
    public IReadOnlyList<Decrim.Monitoring.QuarterFigures>? Figures { get; private set; }
    public Monitoring.Reporting Reporting => reporting;

    public Policy Policy { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public string? DateError { get; private set; }
    public PolicyVersion? Version { get; private set; }
    public Classification.Classification? Model { get; private set; }
    public IReadOnlyList<Classification.Classification> Timeline { get; private set; } = [];
    public Comparison.Column? Standard { get; private set; }
    public Assessment.Assessment? Assessment { get; private set; }

    public IActionResult OnGet(string code, string? date)
    {
        if (bundle.Find(code) is not { } policy) return NotFound();
        if (policy.Code != code) return RedirectToPage(new { code = policy.Code, date });
        Policy = policy;
        Date = Dates.Parse(date, out var error);
        DateError = error;
        Version = policy.VersionAt(Date);
        Timeline = bundle.Timeline(policy);
        Model = bundle.ModelAt(policy, Date);
        try { Figures = reporting.Figures(policy.Code, null).OrderByDescending(f => f.Quarter).ToList(); }
        catch (Exception e) when (Decrim.Storage.Database.IsUnavailable(e)) { Figures = null; }
        if (Version is not null)
        {
            try
            {
                Standard = Comparison.Comparison.Of([policy], Date, bundle.Criteria).Columns[0];
                Assessment = Standard.Assessment;
            }
            catch (EvaluationException e) { DateError = e.Message; }
        }
        return Page();
    }

    public string Cite(Citation c) => PathwayText.Cite(Policy, c);
}
