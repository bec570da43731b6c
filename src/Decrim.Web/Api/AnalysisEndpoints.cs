using Decrim.Assessment;
using Decrim.Classification;
using Decrim.Comparison;
using Decrim.Evaluation;
using Decrim.Web.Site;

namespace Decrim.Web.Api;

/// <summary>What the law amounts to: the model it follows, how it measures against full decriminalisation, side by side, and the UNAIDS indicator.</summary>
public static class AnalysisEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/jurisdictions/{code}/classification", Classify).WithName("Classify").WithTags("Analysis")
            .WithSummary("The model the law follows on the date (default today), per substance group and population, derived from the rules; with timeline=true, every version's.")
            .Produces(200, contentType: "application/json").ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/jurisdictions/{code}/assessment", Assess).WithName("Assess").WithTags("Analysis")
            .WithSummary("The law held against full decriminalisation as INPUD and civil society define it, criterion by criterion; with versions=true, every version's.")
            .Produces(200, contentType: "application/json").ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/compare", Compare).WithName("Compare").WithTags("Analysis")
            .WithSummary("Two to four jurisdictions side by side on a date: the same standard people put to each, models and assessments. ?jurisdictions=PT,NO,CZ")
            .Produces(200, contentType: "application/json").ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/indicator", Indicator).WithName("Indicator").WithTags("Analysis")
            .WithSummary("The UNAIDS 2025 target (under 10% of countries criminalise possession of small amounts) measured over the catalogue on the date.")
            .Produces(200, contentType: "application/json").ProducesValidationProblem();
    }

    private static IResult Classify(Bundle bundle, string code, string? date, string? timeline)
    {
        if (bundle.Find(code) is not { } policy) return CatalogueEndpoints.Unknown(bundle, code);
        if (!Problems.TryFlag(timeline, "timeline", out var all, out var bad)) return bad!;
        if (all)
            return Problems.Json(Json.Write(w =>
            {
                w.WriteStartArray();
                foreach (var c in bundle.Timeline(policy)) w.WriteRawValue(ClassificationReport.Json(c));
                w.WriteEndArray();
            }));
        if (!Problems.TryDate(date, "date", out var day, out var problem)) return problem!;
        try { return Problems.Json(ClassificationReport.Json(Classifier.Classify(policy, day))); }
        catch (EvaluationException e) { return Problems.Invalid("date", e.Message); }
    }

    private static IResult Assess(Bundle bundle, string code, string? date, string? versions)
    {
        if (bundle.Find(code) is not { } policy) return CatalogueEndpoints.Unknown(bundle, code);
        if (!Problems.TryFlag(versions, "versions", out var all, out var bad)) return bad!;
        if (all) return Problems.Json(AssessmentReport.Json(Assessor.Timeline(policy, bundle.Criteria)));
        if (!Problems.TryDate(date, "date", out var day, out var problem)) return problem!;
        try { return Problems.Json(AssessmentReport.Json(Assessor.Assess(policy, day, bundle.Criteria))); }
        catch (EvaluationException e) { return Problems.Invalid("date", e.Message); }
    }

    private static IResult Compare(Bundle bundle, DecrimOptions options, string? jurisdictions, string? date)
    {
        if (!Problems.TryDate(date, "date", out var day, out var problem)) return problem!;
        var codes = (jurisdictions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (codes.Count < 2 || codes.Count > options.MaxCompare)
            return Problems.Invalid("jurisdictions", $"name 2 to {options.MaxCompare} jurisdictions, separated by commas (PT,NO,CZ); got {codes.Count}.");
        var policies = new List<Policies.Policy>();
        foreach (var c in codes)
        {
            if (bundle.Find(c) is not { } p) return CatalogueEndpoints.Unknown(bundle, c);
            policies.Add(p);
        }
        try { return Problems.Json(ComparisonReport.Json(Comparison.Comparison.Of(policies, day, bundle.Criteria))); }
        catch (EvaluationException e) { return Problems.Invalid("date", e.Message); }
    }

    private static IResult Indicator(Bundle bundle, string? date)
    {
        if (!Problems.TryDate(date, "date", out var day, out var problem)) return problem!;
        return Problems.Json(UnaidsIndicatorReport.Json(UnaidsIndicator.Measure(bundle.Policies(), day, bundle.Criteria)));
    }
}
