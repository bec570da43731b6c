using Decrim.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>A simulation's page: its progress while it runs (the page refreshes itself, no script needed), then the report and the files.</summary>
public sealed class SimulationRunModel(SimulationJobs jobs) : PageModel
{
    public SimulationJob Job { get; private set; } = null!;
    public string? Body { get; private set; }
    public IReadOnlyList<string> Files { get; private set; } = [];

    public IActionResult OnGet(string id)
    {
        if (jobs.Get(id) is not { } job) return NotFound();
        Job = job;
        if (job.Status == "done")
        {
            Body = jobs.File(id, "report-body.html");
            Files = jobs.Files(id).Where(f => f != "report-body.html").ToList();
        }
        return Page();
    }
}
