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
            if (amounts.Length > substances.Length) throw new UsageException($"{amounts.Length} amounts for {substances.Length} substance(s); give one --amount per --substance.");
            if (result.GetValue(dependent) && result.GetValue(notDependent)) throw new UsageException("--dependent and --not-dependent contradict each other.");
            var input = new EncounterInput
            {
                Date = result.GetValue(date),
                Conduct = result.GetValue(conduct),
                Items = [.. substances.Select((s, i) => new ItemInput(s, i < amounts.Length ? amounts[i] : null))],
                Dependence = result.GetValue(dependent) ? "dependent" : result.GetValue(notDependent) ? "not-dependent" : null,
                Age = result.GetValue(age),
                Prior = result.GetValue(prior),
                Place = result.GetValue(place),
                Resident = !result.GetValue(nonResident),
                Rebutted = result.GetValue(rebutted),
                Outlet = result.GetValue(outlet),
                Bought = result.GetValue(bought),
                Window = result.GetValue(window),
            };
            var encounter = input.Parse(DateOnly.FromDateTime(DateTime.Today), out var errors)
                ?? throw new UsageException(string.Join(" ", errors.Select(e => $"{Option(e.Field)}: {e.Message}")));
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

    /// <summary>The command-line option behind a field of <see cref="EncounterInput"/>.</summary>
    private static string Option(string field) => field switch
    {
        "items" => "--substance",
        _ when field.EndsWith(".substance", StringComparison.Ordinal) => "--substance",
        _ when field.EndsWith(".amount", StringComparison.Ordinal) => "--amount",
        _ => "--" + field,
    };
}
