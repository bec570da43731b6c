using Decrim.Evaluation;
using Decrim.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>Two to four jurisdictions side by side: the same people put to each law, the models and the assessments.</summary>
public sealed class CompareModel(Bundle bundle, DecrimOptions options) : PageModel
{
    public IReadOnlyList<(string Code, string Name)> All { get; private set; } = [];
    public IReadOnlyList<string> Chosen { get; private set; } = [];
    public DateOnly Date { get; private set; }
    public string? Error { get; private set; }
    public Comparison.Comparison? Result { get; private set; }
    public int Max => options.MaxCompare;

    public void OnGet(string[]? j, string? date)
    {
        All = bundle.Policies().Select(p => (p.Code, p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        Date = Dates.Parse(date, out var error);
        Error = error;
        Chosen = (j ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        if (Chosen.Count == 0) return;
        if (Chosen.Count < 2 || Chosen.Count > Max) { Error = $"Choose 2 to {Max} jurisdictions."; return; }
        var policies = Chosen.Select(bundle.Find).ToList();
        if (policies.Any(p => p is null)) { Error = "A chosen jurisdiction is not in the catalogue."; return; }
        try { Result = Comparison.Comparison.Of(policies!, Date, bundle.Criteria); }
        catch (EvaluationException e) { Error = e.Message; }
    }
}
