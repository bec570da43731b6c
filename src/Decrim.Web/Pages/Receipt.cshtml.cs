using Decrim.Storage.Reports;
using Decrim.Web.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>See or withdraw one's own report with the receipt code. The code travels in the form body, never the URL.</summary>
public sealed class ReceiptModel(Reporting reporting, DecrimOptions options) : PageModel
{
    [BindProperty] public string? Receipt { get; set; }
    [BindProperty] public string? Action { get; set; }

    public StoredReport? Report { get; private set; }
    public bool Withdrawn { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public IActionResult OnPost()
    {
        if (Action == "withdraw")
        {
            Withdrawn = reporting.Store.Withdraw(Receipt, reporting.Today, options.PublishAfterDays);
            if (!Withdrawn) Error = "No report has this receipt code. Check the code; it may also have been withdrawn already.";
            else Receipt = null;
            return Page();
        }
        Report = reporting.Store.ByReceipt(Receipt);
        if (Report is null) Error = "No report has this receipt code. Check the code; it may also have been withdrawn.";
        return Page();
    }
}
