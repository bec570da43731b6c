using System.CommandLine;
using Decrim.Assessment;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim indicator [--date] [--format]</c>: the UNAIDS target measured over the catalogue, with the list behind the number.</summary>
internal static class IndicatorCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var date = new Option<string?>("--date", "-d") { Description = "Date, YYYY-MM-DD (default: today)." };
        var format = new Option<string>("--format", "-f") { Description = "text, json, markdown or csv.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "csv");
        var command = new Command("indicator", "The UNAIDS 2025 target across the catalogue: the share of countries that criminalise possession of small amounts, and every entry behind it.")
        {
            date, format,
        };
        command.SetAction(result =>
        {
            var u = UnaidsIndicator.Measure(Cli.Open(result, catalogueOption).All(), EvaluateCommand.ParseDate(result.GetValue(date)));
            result.InvocationConfiguration.Output.Write(result.GetValue(format) switch
            {
                "json" => UnaidsIndicatorReport.Json(u),
                "markdown" => UnaidsIndicatorReport.Markdown(u),
                "csv" => UnaidsIndicatorReport.Csv(u),
                _ => UnaidsIndicatorReport.Text(u),
            });
            return Cli.Ok;
        });
        return command;
    }
}
