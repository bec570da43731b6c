using System.CommandLine;
using Decrim.Classification;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim classify NO [--date] [--format json]</c>: the model a jurisdiction follows, derived from its rules.</summary>
internal static class ClassifyCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var code = new Argument<string>("jurisdiction") { Description = "ISO 3166 code." };
        var date = new Option<string?>("--date", "-d") { Description = "Date, YYYY-MM-DD (default: today)." };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("classify", "Which model of decriminalisation a jurisdiction follows at a date, per substance group and population, with reasons.") { code, date, format };
        command.SetAction(result =>
        {
            var policy = Cli.Open(result, catalogueOption).Get(result.GetValue(code)!);
            var c = Classifier.Classify(policy, EvaluateCommand.ParseDate(result.GetValue(date)));
            result.InvocationConfiguration.Output.Write(result.GetValue(format) == "json" ? ClassificationReport.Json(c) + "\n" : ClassificationReport.Text(c));
            return Cli.Ok;
        });
        return command;
    }
}
