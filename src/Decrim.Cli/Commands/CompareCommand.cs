using System.CommandLine;
using Decrim.Comparison;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim compare PT NO CZ [--date] [--format text|json|markdown|csv]</c>: standard cases, models and assessments side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var codes = new Argument<string[]>("jurisdictions") { Description = "Two or more ISO 3166 codes.", Arity = new ArgumentArity(2, 12) };
        var date = new Option<string?>("--date", "-d") { Description = "Date, YYYY-MM-DD (default: today)." };
        var format = new Option<string>("--format", "-f") { Description = "text, json, markdown or csv.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "csv");
        var command = new Command("compare", "Jurisdictions side by side: a dependent adult with heroin, a young person with cannabis, a person just above the threshold, a person who cannot pay a fine; then models and assessments.")
        {
            codes, date, format,
        };
        command.SetAction(result =>
        {
            var catalogue = Cli.Open(result, catalogueOption);
            var wanted = result.GetValue(codes)!.Select(c => c.Trim().ToUpperInvariant()).ToList();
            if (wanted.Distinct().Count() != wanted.Count) throw new UsageException("each jurisdiction may be named once.");
            var c = Comparison.Comparison.Of(wanted.Select(catalogue.Get).ToList(), EvaluateCommand.ParseDate(result.GetValue(date)));
            result.InvocationConfiguration.Output.Write(result.GetValue(format) switch
            {
                "json" => ComparisonReport.Json(c),
                "markdown" => ComparisonReport.Markdown(c),
                "csv" => ComparisonReport.Csv(c),
                _ => ComparisonReport.Text(c),
            });
            return Cli.Ok;
        });
        return command;
    }
}
