using Decrim.Classification;
using Decrim.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>The world map and the list: every jurisdiction's model on a date, filterable by model and name.</summary>
public sealed class IndexModel(Bundle bundle) : PageModel
{
    public sealed record Row(string Code, string Name, Model? Model, string? Scope, string? Version, DateOnly Verified);

    public DateOnly Date { get; private set; }
    public string? DateError { get; private set; }
    public string? ModelFilter { get; private set; }
    public string? Search { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public string MapData { get; private set; } = "{}";
    public DateOnly First { get; private set; }

    public void OnGet(string? date, string? model, string? q)
    {
        Date = Dates.Parse(date, out var error);
        DateError = error;
        ModelFilter = string.IsNullOrWhiteSpace(model) ? null : model;
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var policies = bundle.Policies();
        First = policies.SelectMany(p => p.Versions).Min(v => v.From);
        var all = policies.Select(p =>
        {
            var m = bundle.ModelAt(p, Date);
            return new Row(p.Code, p.Name, m?.Headline, m?.Scope, p.VersionAt(Date)?.Id, p.Versions.Max(v => v.Verified));
        }).ToList();
        Total = all.Count;
        Rows = all.Where(r => ModelFilter is null || (ModelFilter == "none" ? r.Model is null : r.Model?.Name() == ModelFilter))
            .Where(r => Search is null || r.Name.Contains(Search, StringComparison.OrdinalIgnoreCase) || r.Code.Contains(Search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        MapData = Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("date", Date.ToString("yyyy-MM-dd"));
            w.WriteString("first", First.ToString("yyyy-MM-dd"));
            w.WriteString("today", DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd"));
            w.WriteStartObject("models");
            foreach (var m in Enum.GetValues<Model>()) w.WriteString(m.Name(), m.Title());
            w.WriteEndObject();
            w.WriteStartArray("places");
            foreach (var place in bundle.Places)
            {
                if (bundle.Find(place.Code) is not { } p) continue;
                w.WriteStartObject();
                w.WriteString("code", p.Code);
                w.WriteString("name", p.Name);
                w.WriteString("atlas", place.Atlas);
                if (place.Id is not null) w.WriteString("id", place.Id);
                w.WriteNumber("lon", place.Lon);
                w.WriteNumber("lat", place.Lat);
                w.WriteStartArray("timeline");
                foreach (var c in bundle.Timeline(p))
                {
                    w.WriteStartObject();
                    w.WriteString("from", c.Version.From.ToString("yyyy-MM-dd"));
                    if (c.Version.To is { } to) w.WriteString("to", to.ToString("yyyy-MM-dd"));
                    w.WriteString("model", c.Headline.Name());
                    w.WriteString("scope", c.Scope);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }).Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
