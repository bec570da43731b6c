using Decrim.Assessment;
using Decrim.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>The UNAIDS target measured over the catalogue, with the list behind the number.</summary>
public sealed class IndicatorModel(Bundle bundle) : PageModel
{
    public UnaidsIndicator Result { get; private set; } = null!;
    public string? DateError { get; private set; }

    public void OnGet(string? date)
    {
        var day = Dates.Parse(date, out var error);
        DateError = error;
        Result = UnaidsIndicator.Measure(bundle.Policies(), day, bundle.Criteria);
    }
}
