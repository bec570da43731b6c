using System.CommandLine;
using Decrim.Classification;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim timeline NO</c>: the versions and how the classification changed between them.</summary>
internal static class TimelineCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var code = new Argument<string>("jurisdiction") { Description = "ISO 3166 code." };
        var command = new Command("timeline", "List a jurisdiction's versions and how its classification changed.") { code };
        command.SetAction(result =>
        {
            var policy = Cli.Open(result, catalogueOption).Get(result.GetValue(code)!);
            var output = result.InvocationConfiguration.Output;
            output.WriteLine($"{policy.Name} ({policy.Code})");
            Classification.Classification? previous = null;
            foreach (var c in Classifier.Timeline(policy))
            {
                var v = c.Version;
                output.WriteLine();
                output.WriteLine($"{v.From:yyyy-MM-dd} – {(v.To is { } to ? to.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")}  {v.Id} ({v.Basis.ToString().ToLowerInvariant()})");
                output.WriteLine($"  {v.Summary}");
                output.WriteLine($"  model: {c.Headline.Title()} ({(c.DeJure ? "de jure" : "de facto")}; {c.Scope})");
                if (previous is not null)
                {
                    foreach (var cell in c.Cells)
                    {
                        var before = previous.Cells.FirstOrDefault(x => x.Group == cell.Group && x.Population == cell.Population);
                        if (before is not null && before.Model != cell.Model)
                            output.WriteLine($"  changed: {cell.Group}, {cell.Population}: {before.Model.Title()} → {cell.Model.Title()}");
                    }
                }
                previous = c;
            }
            return Cli.Ok;
        });
        return command;
    }
}
