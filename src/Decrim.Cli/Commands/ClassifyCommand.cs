using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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
            result.InvocationConfiguration.Output.Write(result.GetValue(format) == "json" ? Json(c) + "\n" : Text(c));
            return Cli.Ok;
        });
        return command;
    }

    internal static string Text(Classification.Classification c)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{c.Policy.Name} ({c.Policy.Code}) on {c.Date:yyyy-MM-dd}, version {c.Version.Id}:");
        sb.AppendLine($"  {c.Headline.Title()} ({(c.DeJure ? "de jure" : "de facto")}; {c.Scope})");
        sb.AppendLine();
        foreach (var cell in c.Cells)
        {
            sb.AppendLine($"  {cell.Group,-10} {cell.Population,-17} {cell.Model.Title()} ({(cell.DeJure ? "de jure" : "de facto")})");
            foreach (var r in cell.Reasons) sb.AppendLine($"      - {r}");
        }
        return sb.ToString();
    }

    internal static string Json(Classification.Classification c)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", c.Policy.Code);
            w.WriteString("date", c.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("version", c.Version.Id);
            w.WriteString("model", c.Headline.Name());
            w.WriteString("title", c.Headline.Title());
            w.WriteBoolean("deJure", c.DeJure);
            w.WriteString("scope", c.Scope);
            w.WriteStartArray("cells");
            foreach (var cell in c.Cells)
            {
                w.WriteStartObject();
                w.WriteString("group", cell.Group);
                w.WriteString("population", cell.Population);
                w.WriteString("model", cell.Model.Name());
                w.WriteBoolean("deJure", cell.DeJure);
                w.WriteStartArray("reasons");
                foreach (var r in cell.Reasons) w.WriteStringValue(r);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
