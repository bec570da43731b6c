using System.CommandLine;
using System.Globalization;
using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim evaluate</c>: the pathway for one encounter, as text or JSON.</summary>
internal static class EvaluateCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var jurisdiction = new Option<string>("--jurisdiction", "-j") { Description = "ISO 3166 code: NO, PT, US-OR, CA-BC …", Required = true };
        var date = new Option<string?>("--date", "-d") { Description = "Date of the encounter, YYYY-MM-DD (default: today)." };
        var conduct = new Option<string>("--conduct", "-c") { Description = "use, possession, cultivation, sharing, selling, supply or purchase.", DefaultValueFactory = _ => "possession" };
        var substance = new Option<string[]>("--substance", "-s") { Description = "Substance id (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var amount = new Option<string[]>("--amount", "-a") { Description = "Amount with its unit, e.g. 4g, 0.5dl, 3blotters (one per --substance, in order)." };
        var dependent = new Option<bool>("--dependent") { Description = "The person has a substance use disorder." };
        var notDependent = new Option<bool>("--not-dependent") { Description = "The person is known not to be dependent." };
        var age = new Option<int?>("--age") { Description = "Age in years (default: an adult)." };
        var prior = new Option<int>("--prior") { Description = "Number of prior incidents (default 0)." };
        var place = new Option<string>("--place") { Description = "public, school, childcare, vehicle, airport, residence, shelter, consumption-site, clinic.", DefaultValueFactory = _ => "public" };
        var nonResident = new Option<bool>("--non-resident") { Description = "The person is not a resident." };
        var rebutted = new Option<bool>("--rebutted") { Description = "Personal use has been shown for an amount above a rebuttable threshold." };
        var outlet = new Option<string?>("--outlet") { Description = "For a purchase: retail, pharmacy, state-outlet, club, coffee-shop …" };
        var bought = new Option<string?>("--bought") { Description = "For a purchase: total bought within --window, e.g. 30g." };
        var window = new Option<string?>("--window") { Description = "For a purchase: the period --bought covers, e.g. 30d." };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("evaluate", "What happens to this person, found with this, here, on this date — with the legal basis of every step.")
        {
            jurisdiction, date, conduct, substance, amount, dependent, notDependent, age, prior, place, nonResident, rebutted, outlet, bought, window, format,
        };
        command.SetAction(result =>
        {
            var policy = Cli.Open(result, catalogueOption).Get(result.GetValue(jurisdiction)!);
            var substances = result.GetValue(substance) ?? [];
            var amounts = result.GetValue(amount) ?? [];
            var c = Word(Words.Conducts, result.GetValue(conduct)!, "conduct");
            if (substances.Length == 0) throw new UsageException("name at least one --substance.");
            if (amounts.Length > substances.Length) throw new UsageException($"{amounts.Length} amounts for {substances.Length} substance(s); give one --amount per --substance.");
            if (amounts.Length < substances.Length && c != Conduct.Use && c != Conduct.Purchase)
                throw new UsageException($"give an --amount for each --substance ({substances.Length} substance(s), {amounts.Length} amount(s)).");
            var items = new List<Item>();
            for (var i = 0; i < substances.Length; i++)
            {
                if (!SubstanceVocabulary.Shared.TryGet(substances[i], out var s))
                    throw new UsageException($"unknown substance \"{substances[i]}\"; known: {string.Join(", ", SubstanceVocabulary.Shared.All.Select(x => x.Id))}.");
                Quantity? q = null;
                if (i < amounts.Length)
                {
                    if (!Quantity.TryParse(amounts[i], out var parsed, out var error)) throw new UsageException(error + ".");
                    if (!s.Accepts(parsed.Unit)) throw new UsageException($"{s.Id} is not measured in {parsed.Unit.Symbol}; use {string.Join(", ", s.Units)}.");
                    q = parsed;
                }
                items.Add(new Item(s, q));
            }
            if (result.GetValue(dependent) && result.GetValue(notDependent)) throw new UsageException("--dependent and --not-dependent contradict each other.");
            var encounter = new Encounter
            {
                Date = ParseDate(result.GetValue(date)),
                Conduct = c,
                Items = items,
                Dependence = result.GetValue(dependent) ? Dependence.Dependent : result.GetValue(notDependent) ? Dependence.NotDependent : Dependence.Unknown,
                Age = result.GetValue(age) is { } a2 && (a2 < 0 || a2 > 130) ? throw new UsageException($"--age {a2} is not an age.") : result.GetValue(age),
                Prior = result.GetValue(prior) is var p && p < 0 ? throw new UsageException("--prior cannot be negative.") : p,
                Place = Word(Words.Places, result.GetValue(place)!, "place"),
                Resident = !result.GetValue(nonResident),
                Rebutted = result.GetValue(rebutted),
                Outlet = result.GetValue(outlet) is { } o ? Word(Words.Outlets, o, "outlet") : null,
                Bought = result.GetValue(bought) is { } b ? (Quantity.TryParse(b, out var bq, out var be) ? bq : throw new UsageException("--bought: " + be + ".")) : null,
                Window = result.GetValue(window) is { } w ? (Period.TryParse(w, out var wp, out var we) ? wp : throw new UsageException("--window: " + we + ".")) : null,
            };
            if (c == Conduct.Purchase && encounter.Outlet is null) throw new UsageException("a purchase needs --outlet (pharmacy, retail, club …).");
            var pathway = Engine.Evaluate(policy, encounter);
            result.InvocationConfiguration.Output.Write(result.GetValue(format) == "json" ? PathwayJson.Write(pathway) + "\n" : PathwayText.Write(pathway));
            return Cli.Ok;
        });
        return command;
    }

    internal static DateOnly ParseDate(string? text)
    {
        if (text is null) return DateOnly.FromDateTime(DateTime.Today);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new UsageException($"--date \"{text}\" is not a date; write it as YYYY-MM-DD.");
    }

    private static T Word<T>(IReadOnlyDictionary<string, T> words, string text, string what) where T : struct =>
        words.TryGetValue(text, out var v) ? v : throw new UsageException($"unknown {what} \"{text}\"; expected one of: {string.Join(", ", words.Keys)}.");
}
