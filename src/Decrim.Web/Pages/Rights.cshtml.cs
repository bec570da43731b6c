using Decrim.Evaluation;
using Decrim.Substances;
using Decrim.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>
/// Know your rights: choose the place, what you carry and answer a few plain questions; the answer is the pathway in
/// plain words, with its legal basis and what police may and may not do. A GET form, so it works without JavaScript
/// and an answer can be bookmarked or shared; nothing asked here is stored.
/// </summary>
public sealed class RightsModel(Bundle bundle, RightsExplainer explainer) : PageModel
{
    public const int Rows = 3;

    public IReadOnlyList<(string Code, string Name)> Jurisdictions { get; private set; } = [];
    public IReadOnlyList<Substance> Substances => SubstanceVocabulary.Shared.All;
    public static readonly string[] PlaceChoices = ["public", "vehicle", "residence", "school", "shelter", "consumption-site", "clinic", "airport"];
    public static readonly string[] ConductChoices = ["possession", "use", "cultivation", "sharing"];

    public string? J { get; private set; }
    public string Date { get; private set; } = "";
    public string[] S { get; private set; } = [];
    public string[] A { get; private set; } = [];
    public string Conduct { get; private set; } = "possession";
    public string Dependence { get; private set; } = "unknown";
    public string? Age { get; private set; }
    public string Prior { get; private set; } = "0";
    public string Place { get; private set; } = "public";
    public string Resident { get; private set; } = "yes";

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public PlainPathway? Answer { get; private set; }

    public void OnGet(string? j, string? date, string[]? s, string[]? a, string? conduct, string? dep, string? age, string? prior, string? place, string? resident)
    {
        Jurisdictions = bundle.Policies().Select(p => (p.Code, p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        J = string.IsNullOrWhiteSpace(j) ? null : j.Trim().ToUpperInvariant();
        Date = string.IsNullOrWhiteSpace(date) ? DateOnly.FromDateTime(DateTime.Today).Iso() : date.Trim();
        S = s ?? [];
        A = a ?? [];
        Conduct = conduct ?? Conduct;
        Dependence = dep ?? Dependence;
        Age = age;
        Prior = prior ?? Prior;
        Place = place ?? Place;
        Resident = resident ?? Resident;
        if (J is null) return;

        var policy = bundle.Find(J);
        if (policy is null) Errors["j"] = $"\"{J}\" is not in the catalogue.";
        var items = new List<ItemInput>();
        for (var i = 0; i < S.Length; i++)
            if (!string.IsNullOrWhiteSpace(S[i]) || (i < A.Length && !string.IsNullOrWhiteSpace(A[i])))
                items.Add(new ItemInput(S[i], i < A.Length ? A[i] : null));
        int? ageValue = null;
        if (!string.IsNullOrWhiteSpace(Age))
        {
            if (int.TryParse(Age, out var n)) ageValue = n;
            else Errors["age"] = $"\"{Age}\" is not a number of years.";
        }
        var input = new EncounterInput
        {
            Date = Date,
            Conduct = Conduct,
            Items = items,
            Dependence = Dependence,
            Age = ageValue,
            Prior = int.TryParse(Prior, out var p) ? p : 0,
            Place = Place,
            Resident = Resident != "no",
        };
        var encounter = input.Parse(DateOnly.FromDateTime(DateTime.Today), out var problems);
        foreach (var e in problems) Errors.TryAdd(Field(e.Field), e.Message);
        if (Errors.Count > 0 || encounter is null || policy is null) return;
        try
        {
            Answer = explainer.Explain(Engine.Evaluate(policy, encounter));
        }
        catch (EvaluationException e)
        {
            Errors["date"] = e.Message;
        }
    }

    /// <summary>The form field behind an input error: items[1].amount → a1.</summary>
    private static string Field(string field) => field switch
    {
        "items" => "s0",
        _ when field.StartsWith("items[", StringComparison.Ordinal) =>
            (field.EndsWith(".amount", StringComparison.Ordinal) ? "a" : "s") + field[6..field.IndexOf(']')],
        "dependence" => "dep",
        _ => field,
    };

    public string? Error(string field) => Errors.TryGetValue(field, out var e) ? e : null;
}
