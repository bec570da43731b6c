using System.CommandLine;
using Decrim.Assessment;

namespace Decrim.Cli.Commands;

/// <summary>
/// <c>decrim assess NO [--date] [--versions] [--format text|json|markdown|csv] [--criteria folder]</c>: a jurisdiction
/// against the full-decriminalisation criteria, each met, not met or unknown, with what decides it.
/// </summary>
internal static class AssessCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var code = new Argument<string>("jurisdiction") { Description = "ISO 3166 code." };
        var date = new Option<string?>("--date", "-d") { Description = "Date, YYYY-MM-DD (default: today)." };
        var versions = new Option<bool>("--versions") { Description = "Assess every version on its first day, side by side." };
        var format = new Option<string>("--format", "-f") { Description = "text, json, markdown or csv.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "csv");
        var criteriaFolder = new Option<string?>("--criteria") { Description = "Folder with another criteria file (default: the bundled criteria/)." };
        var command = new Command("assess", "How a jurisdiction stands against full decriminalisation as INPUD and civil society define it: each criterion met, not met or unknown, with its basis.")
        {
            code, date, versions, format, criteriaFolder,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var criteria = Criteria.Default;
            if (result.GetValue(criteriaFolder) is { } folder)
            {
                var (read, diagnostics) = CriteriaReader.ReadFolder(folder);
                if (read is null)
                {
                    foreach (var d in diagnostics) result.InvocationConfiguration.Error.WriteLine(d);
                    return Cli.Invalid;
                }
                criteria = read;
            }
            var policy = Cli.Open(result, catalogueOption).Get(result.GetValue(code)!);
            var fmt = result.GetValue(format);
            if (result.GetValue(versions))
            {
                if (result.GetValue(date) is not null) throw new UsageException("--versions assesses every version on its first day; leave out --date.");
                var series = Assessor.Timeline(policy, criteria);
                output.Write(fmt switch
                {
                    "json" => AssessmentReport.Json(series),
                    "markdown" => AssessmentReport.TimelineMarkdown(series),
                    "csv" => AssessmentReport.Csv(series),
                    _ => AssessmentReport.TimelineText(series),
                });
                return Cli.Ok;
            }
            var a = Assessor.Assess(policy, EvaluateCommand.ParseDate(result.GetValue(date)), criteria);
            output.Write(fmt switch
            {
                "json" => AssessmentReport.Json(a),
                "markdown" => AssessmentReport.Markdown(a),
                "csv" => AssessmentReport.Csv([a]),
                _ => AssessmentReport.Text(a),
            });
            return Cli.Ok;
        });
        return command;
    }
}
