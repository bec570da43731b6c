using Decrim.Classification;
using Decrim.Policies;
using Decrim.Web.Site;

namespace Decrim.Web.Api;

/// <summary>Jurisdictions, their policies and dated versions.</summary>
public static class CatalogueEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/jurisdictions", List).WithName("ListJurisdictions").WithTags("Catalogue")
            .WithSummary("Every jurisdiction in the catalogue, with its model on the date (default today) and when it was last verified.")
            .Produces(200, contentType: "application/json").ProducesValidationProblem();
        api.MapGet("/jurisdictions/{code}", Get).WithName("GetJurisdiction").WithTags("Catalogue")
            .WithSummary("A jurisdiction: its dated policy versions and its sources.")
            .Produces(200, contentType: "application/json").ProducesProblem(404);
        api.MapGet("/jurisdictions/{code}/versions/{id}", Version).WithName("GetVersion").WithTags("Catalogue")
            .WithSummary("One policy version in full: thresholds, rules and their responses, police instructions, regulated supply; every fact with its citation.")
            .Produces(200, contentType: "application/json").ProducesProblem(404);
    }

    private static IResult List(Bundle bundle, string? date)
    {
        if (!Problems.TryDate(date, "date", out var day, out var problem)) return problem!;
        return Problems.Json(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("date", day.ToString("yyyy-MM-dd"));
            w.WriteStartArray("jurisdictions");
            foreach (var p in bundle.Policies())
            {
                var model = bundle.ModelAt(p, day);
                w.WriteStartObject();
                w.WriteString("code", p.Code);
                w.WriteString("name", p.Name);
                w.WriteNumber("versions", p.Versions.Count);
                if (p.VersionAt(day) is { } v) w.WriteString("version", v.Id); else w.WriteNull("version");
                if (model is null) w.WriteNull("model"); else w.WriteString("model", model.Headline.Name());
                if (model is not null) w.WriteString("scope", model.Scope);
                w.WriteString("verified", p.Versions.Max(x => x.Verified).ToString("yyyy-MM-dd"));
                w.WriteString("href", $"/api/v1/jurisdictions/{p.Code}");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static IResult Get(Bundle bundle, string code) =>
        bundle.Find(code) is { } p ? Problems.Json(PolicyJson.Policy(p)) : Unknown(bundle, code);

    private static IResult Version(Bundle bundle, string code, string id)
    {
        if (bundle.Find(code) is not { } p) return Unknown(bundle, code);
        var v = p.Versions.FirstOrDefault(x => x.Id == id);
        return v is null
            ? Problems.NotFound($"{p.Code} has no version \"{id}\"; it has {string.Join(", ", p.Versions.Select(x => x.Id))}.")
            : Problems.Json(PolicyJson.Version(p, v));
    }

    internal static IResult Unknown(Bundle bundle, string code) =>
        Problems.NotFound($"no jurisdiction \"{code}\" in the catalogue; it has {string.Join(", ", bundle.Catalogue.Codes())}.");
}
