using Decrim.Evaluation;
using Decrim.Monitoring;
using Decrim.Storage.Reports;
using Decrim.Web.Monitoring;
using Decrim.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>
/// Report an encounter: a plain form that works without script. A hidden key, made when the form is shown, makes a
/// double submit or a reload store the report once. The answer is the receipt code and how each act stands against the law.
/// </summary>
public sealed class ReportModel(Reporting reporting, Bundle bundle) : PageModel
{
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Jurisdiction { get; set; }
    [BindProperty] public string? Region { get; set; }
    [BindProperty] public string? Week { get; set; }
    [BindProperty] public string? Setting { get; set; }
    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public List<string> Acts { get; set; } = [];
    [BindProperty] public string? FineAmount { get; set; }
    [BindProperty] public string? PaidAmount { get; set; }
    [BindProperty] public string? TestConsent { get; set; }
    [BindProperty] public string? HoursHeld { get; set; }
    [BindProperty] public string? Substance { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Dependence { get; set; }
    [BindProperty] public string? AgeBand { get; set; }
    [BindProperty] public string? Housing { get; set; }
    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<InputError> Errors { get; private set; } = [];
    public Stored? Stored { get; private set; }
    public StoredReport? Saved { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Places { get; private set; } = [];
    public string ThisWeek => IsoWeek.Of(reporting.Today).ToString();
    public Reporting Reporting => reporting;

    public void OnGet(string? jurisdiction)
    {
        Load();
        Key = Guid.NewGuid().ToString("N");
        Jurisdiction = jurisdiction?.ToUpperInvariant();
        Week = ThisWeek;
    }

    public async Task<IActionResult> OnPost()
    {
        Load();
        var errors = new List<InputError>();
        int? hours = null;
        if (!string.IsNullOrWhiteSpace(HoursHeld))
        {
            if (int.TryParse(HoursHeld.Trim(), out var h)) hours = h;
            else errors.Add(new("hours", $"\"{HoursHeld}\" is not a number of hours."));
        }
        var acts = Acts.Distinct(StringComparer.Ordinal).Select(a => new ActInput(a,
            Amount: a == "fine" ? Blank(FineAmount) : a is "bribe" or "extortion" ? Blank(PaidAmount) : null,
            Consented: a == "drug-test" ? TestConsent switch { "yes" => true, "no" => false, _ => null } : null,
            Hours: a is "arrest" or "detention" ? hours : null)).ToList();
        var input = new ReportInput
        {
            Jurisdiction = Jurisdiction, Region = Region, Week = Week, Setting = Setting, Authority = Authority, Acts = acts,
            Carried = string.IsNullOrWhiteSpace(Substance) ? [] : [new ItemInput(Substance, Blank(Amount))],
            Dependence = Dependence, AgeBand = AgeBand, Housing = Housing, Text = Text,
        };
        if (Reporting.KeyProblem(Key) is not null) Key = null; // a missing or mangled hidden key: store once anyway, under a fresh one
        if (errors.Count > 0) { Errors = errors; return Page(); }
        var result = await reporting.Submit(input, Key);
        if (result.Stored is not { } stored) { Errors = result.Errors; return Page(); }
        if (stored.Outcome is SubmissionOutcome.Conflict or SubmissionOutcome.Withdrawn)
        {
            Errors = [new("report", stored.Outcome == SubmissionOutcome.Withdrawn
                ? "this form was already used for a report that has since been withdrawn; open the form again for a new report."
                : "this form was already used for a different report; open the form again for a new report.")];
            return Page();
        }
        Stored = stored;
        Saved = reporting.Store.ByReceipt(stored.Receipt);
        return Page();
    }

    private void Load() => Places = bundle.Policies().Select(p => (p.Code, p.Name)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>Plain words for each act, in the order the form asks.</summary>
    public static readonly IReadOnlyList<(string Word, string Label)> ActLabels =
    [
        ("stopped", "Stopped or questioned"),
        ("searched-body", "Searched: body or clothes"),
        ("searched-strip", "Strip-searched"),
        ("searched-phone", "Phone searched"),
        ("searched-home", "Home searched"),
        ("drug-test", "Drug test (urine, saliva, blood)"),
        ("confiscation", "Drugs or belongings taken"),
        ("warning", "Given a warning"),
        ("fine", "Fined"),
        ("arrest", "Arrested or taken to a police station"),
        ("referral-voluntary", "Offered a referral to a service (voluntary)"),
        ("referral-mandatory", "Ordered to attend a commission, assessment or treatment"),
        ("compulsory-treatment", "Put in compulsory treatment"),
        ("detention", "Detained (held in a centre or jail)"),
        ("violence", "Violence or rough treatment"),
        ("threat", "Threats"),
        ("bribe", "Asked for a bribe"),
        ("extortion", "Money or sex extorted"),
        ("outed-to-employer", "Employer told"),
        ("outed-to-school", "School told"),
        ("outed-to-family", "Family told"),
        ("service-denied", "Refused a service (health, housing, benefits)"),
    ];

    public static string Label(string word) => ActLabels.FirstOrDefault(a => a.Word == word).Label ?? word;

    public static string FindingLabel(string finding) => finding switch
    {
        "provided-by-law" => "provided for by law",
        "beyond-the-law" => "beyond the law",
        _ => "not covered by the law as encoded",
    };
}
