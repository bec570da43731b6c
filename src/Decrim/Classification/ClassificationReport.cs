using System.Text;

namespace Decrim.Classification;

/// <summary>Renders a classification as text for a terminal or as JSON (model names as in <see cref="Models.Words"/>).</summary>
public static class ClassificationReport
{
    public static string Text(Classification c)
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

    public static string Json(Classification c) => Decrim.Json.Write(w =>
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
    }).TrimEnd('\n');
}
