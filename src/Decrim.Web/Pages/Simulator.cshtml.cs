using Decrim.Web.Api;
using Decrim.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>The simulator: choose a scenario and reforms, run them as a job, then see the charts and download the CSV files.</summary>
public sealed class SimulatorModel(Bundle bundle, SimulationLauncher launcher, DecrimOptions options) : PageModel
{
    public sealed record Choice(string Name, string Title, string? Description, string? Jurisdiction, int Population, int Replications);

    public IReadOnlyList<Choice> Scenarios { get; private set; } = [];
    public IReadOnlyList<Choice> Reforms { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public DecrimOptions Options => options;

    [BindProperty] public string? Scenario { get; set; }
    [BindProperty] public List<string> Reform { get; set; } = [];
    [BindProperty] public int? Population { get; set; } = 20_000;
    [BindProperty] public int? Replications { get; set; } = 5;

    public void OnGet() => Load();

    public IActionResult OnPost()
    {
        Load();
        if (!ModelState.IsValid)
        {
            foreach (var (key, entry) in ModelState)
                foreach (var e in entry.Errors) Errors[key.ToLowerInvariant()] = $"\"{entry.AttemptedValue}\" is not a whole number.";
            return Page();
        }
        var (job, errors) = launcher.Queue(new SimulationRequest { Scenario = Scenario, Reforms = Reform, Population = Population, Replications = Replications });
        if (job is null)
        {
            foreach (var e in errors) Errors.TryAdd(e.Field.StartsWith("reforms", StringComparison.Ordinal) ? "reform" : e.Field, e.Message);
            return Page();
        }
        return Redirect($"/simulator/runs/{job.Id}");
    }

    private void Load()
    {
        Scenarios = bundle.Scenarios().Select(name => bundle.Scenario(name).Scenario is { } s
            ? new Choice(name, s.Name, s.Description, s.Policy, s.Population.Size, s.Replications) : null).OfType<Choice>().ToList();
        Reforms = bundle.Reforms().Select(name => bundle.Reform(name).Reform is { } r
            ? new Choice(name, r.Name, r.Description, null, 0, 0) : null).OfType<Choice>().ToList();
        Scenario ??= Scenarios.FirstOrDefault()?.Name;
    }
}
