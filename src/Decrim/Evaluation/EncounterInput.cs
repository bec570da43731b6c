using System.Globalization;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Evaluation;

/// <summary>One substance as asked: its id and, unless the conduct needs none, the amount with its unit ("4g").</summary>
public sealed record ItemInput(string? Substance, string? Amount);

/// <summary>A field of an encounter that cannot be taken as given, and why, in one sentence. <see cref="Field"/> names the
/// input the way the asker wrote it (<c>items[1].amount</c>), so a form, a JSON body and a command line can each point at it.</summary>
public sealed record InputError(string Field, string Message);

/// <summary>
/// An encounter as text, the way people ask: from the command line, a JSON body or a web form. <see cref="Parse"/>
/// checks every field against the vocabularies and returns either the <see cref="Encounter"/> or every error at once,
/// each naming its field. The one place where words become an encounter, so every front door accepts the same input.
/// </summary>
public record EncounterInput
{
    public string? Date { get; init; }
    public string? Conduct { get; init; }
    // Null-safe: a JSON body that leaves the field out may set it to null (init-only properties under source generation).
    public IReadOnlyList<ItemInput> Items { get => _items ?? []; init => _items = value; }
    private readonly IReadOnlyList<ItemInput>? _items;
    /// <summary>"dependent", "not-dependent" or "unknown" (the default).</summary>
    public string? Dependence { get; init; }
    public int? Age { get; init; }
    public int? Prior { get; init; }
    public string? Place { get; init; }
    public bool? Resident { get; init; }
    public bool? Rebutted { get; init; }
    public string? Outlet { get; init; }
    public string? Bought { get; init; }
    public string? Window { get; init; }

    /// <summary>
    /// One substance and its amount, checked against the vocabulary and the substance's units; null with the problems
    /// added (named <c>{field}.substance</c>, <c>{field}.amount</c>) when it cannot be taken as given.
    /// </summary>
    public static Item? ParseItem(ItemInput? input, string field, bool amountNeeded, List<InputError> problems)
    {
        var (id, amountText) = (input?.Substance, input?.Amount);
        if (string.IsNullOrWhiteSpace(id) || !SubstanceVocabulary.Shared.TryGet(id.Trim(), out var substance))
        {
            problems.Add(new($"{field}.substance", string.IsNullOrWhiteSpace(id)
                ? "choose a substance."
                : $"unknown substance \"{id}\"; known: {string.Join(", ", SubstanceVocabulary.Shared.All.Select(x => x.Id))}."));
            return null;
        }
        Quantity? amount = null;
        if (!string.IsNullOrWhiteSpace(amountText))
        {
            if (!Quantity.TryParse(amountText.Trim(), out var q, out var error)) problems.Add(new($"{field}.amount", error + "."));
            else if (!substance.Accepts(q.Unit)) problems.Add(new($"{field}.amount", $"{substance.Id} is not measured in {q.Unit.Symbol}; use {string.Join(", ", substance.Units)}."));
            else amount = q;
        }
        else if (amountNeeded) problems.Add(new($"{field}.amount", $"give the amount of {substance.Id} with its unit, e.g. {substance.Probe}."));
        return new Item(substance, amount);
    }

    public static readonly IReadOnlyDictionary<string, Dependence> Dependences = new Dictionary<string, Dependence>(StringComparer.Ordinal)
    {
        ["unknown"] = Evaluation.Dependence.Unknown,
        ["dependent"] = Evaluation.Dependence.Dependent,
        ["not-dependent"] = Evaluation.Dependence.NotDependent,
    };

    /// <summary>The encounter, or null with <paramref name="errors"/> holding every problem. A missing date means <paramref name="today"/>.</summary>
    public Encounter? Parse(DateOnly today, out IReadOnlyList<InputError> errors)
    {
        var problems = new List<InputError>();
        var date = today;
        if (!string.IsNullOrWhiteSpace(Date) && !DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            problems.Add(new("date", $"\"{Date}\" is not a date; write it as YYYY-MM-DD."));
        var conduct = Word(Words.Conducts, Conduct, "conduct", Policies.Conduct.Possession, problems);
        var place = Word(Words.Places, Place, "place", Policies.Place.Public, problems);
        var dependence = Word(Dependences, Dependence, "dependence", Evaluation.Dependence.Unknown, problems);
        OutletType? outlet = string.IsNullOrWhiteSpace(Outlet) ? null : Word(Words.Outlets, Outlet, "outlet", OutletType.Retail, problems);
        if (Age is { } age && (age < 0 || age > 130)) problems.Add(new("age", $"{age} is not an age; give years from 0 to 130."));
        if (Prior is < 0) problems.Add(new("prior", "the number of prior incidents cannot be negative."));

        var items = new List<Item>();
        if (Items.Count == 0) problems.Add(new("items", "name at least one substance."));
        var amountNeeded = conduct is not (Policies.Conduct.Use or Policies.Conduct.Purchase);
        for (var i = 0; i < Items.Count; i++)
            if (ParseItem(Items[i], $"items[{i}]", amountNeeded, problems) is { } item) items.Add(item);

        Quantity? bought = null;
        if (!string.IsNullOrWhiteSpace(Bought))
        {
            if (Quantity.TryParse(Bought.Trim(), out var b, out var error)) bought = b;
            else problems.Add(new("bought", error + "."));
        }
        Period? window = null;
        if (!string.IsNullOrWhiteSpace(Window))
        {
            if (Period.TryParse(Window.Trim(), out var w, out var error)) window = w;
            else problems.Add(new("window", error + "."));
        }
        if (conduct == Policies.Conduct.Purchase && outlet is null && !problems.Any(p => p.Field == "outlet"))
            problems.Add(new("outlet", "a purchase needs an outlet (pharmacy, retail, club …)."));

        errors = problems;
        if (problems.Count > 0) return null;
        return new Encounter
        {
            Date = date,
            Conduct = conduct,
            Items = items,
            Dependence = dependence,
            Age = Age,
            Prior = Prior ?? 0,
            Place = place,
            Resident = Resident ?? true,
            Rebutted = Rebutted ?? false,
            Outlet = outlet,
            Bought = bought,
            Window = window,
        };
    }

    private static T Word<T>(IReadOnlyDictionary<string, T> words, string? text, string field, T fallback, List<InputError> problems) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (words.TryGetValue(text.Trim(), out var value)) return value;
        problems.Add(new(field, $"unknown {field} \"{text}\"; expected one of: {string.Join(", ", words.Keys)}."));
        return fallback;
    }
}
