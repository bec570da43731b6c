using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Web.Site;

namespace Decrim.Web.Api;

/// <summary>What happens to this person, found with this, here, on this date: one encounter, or many.</summary>
public static class EvaluateEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/evaluate", Evaluate).WithName("Evaluate").WithTags("Evaluation")
            .WithSummary("The pathway for one encounter: every consequence in order with its legal basis, fines' dated escalation, what police may and may not do, the trace of every rule read (docs/pathway-json.md).")
            .Accepts<EvaluateRequest>("application/json")
            .Produces(200, contentType: "application/json").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413);
        api.MapPost("/evaluate/batch", Batch).WithName("EvaluateBatch").WithTags("Evaluation")
            .WithSummary("Many encounters at once (at most Decrim:MaxBatch). Each result is a summary or a full pathway, or the errors of that encounter; one bad encounter does not fail the others.")
            .Accepts<BatchRequest>("application/json")
            .Produces(200, contentType: "application/json").ProducesValidationProblem().ProducesProblem(413);
    }

    private static async Task<IResult> Evaluate(HttpRequest request, Bundle bundle)
    {
        var (body, errors) = await JsonBody.Read<EvaluateRequest>(request);
        if (body is null) return Problems.Invalid(errors!);
        if (string.IsNullOrWhiteSpace(body.Jurisdiction)) return Problems.Invalid("jurisdiction", "name the jurisdiction (NO, PT, US-OR …).");
        if (bundle.Find(body.Jurisdiction) is not { } policy) return CatalogueEndpoints.Unknown(bundle, body.Jurisdiction);
        var encounter = body.Parse(DateOnly.FromDateTime(DateTime.Today), out var problems);
        if (encounter is null) return Problems.Invalid(problems);
        try
        {
            return new PathwayResult(Engine.Evaluate(policy, encounter));
        }
        catch (EvaluationException e)
        {
            return Problems.Invalid("date", e.Message);
        }
    }

    private static async Task<IResult> Batch(HttpRequest request, Bundle bundle, DecrimOptions options)
    {
        var (body, errors) = await JsonBody.Read<BatchRequest>(request);
        if (body is null) return Problems.Invalid(errors!);
        if (body.Encounters.Count == 0) return Problems.Invalid("encounters", "give at least one encounter.");
        if (body.Encounters.Count > options.MaxBatch) return Problems.Invalid("encounters", $"{body.Encounters.Count:N0} encounters; at most {options.MaxBatch:N0} per request.");
        var full = body.Detail switch { null or "summary" => false, "full" => true, _ => (bool?)null };
        if (full is null) return Problems.Invalid("detail", $"unknown detail \"{body.Detail}\"; expected summary or full.");
        var today = DateOnly.FromDateTime(DateTime.Today);
        return Problems.Json(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", body.Encounters.Count);
            w.WriteStartArray("results");
            for (var i = 0; i < body.Encounters.Count; i++)
            {
                var e = body.Encounters[i] is { Date: null } undated && body.Date is not null ? undated with { Date = body.Date } : body.Encounters[i];
                var code = string.IsNullOrWhiteSpace(e.Jurisdiction) ? body.Jurisdiction : e.Jurisdiction;
                var problems = new List<InputError>();
                Policy? policy = null;
                if (string.IsNullOrWhiteSpace(code)) problems.Add(new("jurisdiction", "name the jurisdiction here or for the whole batch."));
                else if ((policy = bundle.Find(code)) is null) problems.Add(new("jurisdiction", $"no jurisdiction \"{code}\" in the catalogue."));
                var encounter = e.Parse(today, out var parse);
                problems.AddRange(parse);
                Pathway? pathway = null;
                if (problems.Count == 0)
                {
                    try { pathway = Engine.Evaluate(policy!, encounter!); }
                    catch (EvaluationException ex) { problems.Add(new("date", ex.Message)); }
                }
                w.WriteStartObject();
                w.WriteNumber("index", i);
                if (pathway is null)
                {
                    w.WriteStartObject("errors");
                    foreach (var g in problems.GroupBy(p => p.Field))
                    {
                        w.WriteStartArray(g.Key);
                        foreach (var p in g) w.WriteStringValue(p.Message);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                else if (full == true)
                {
                    w.WritePropertyName("pathway");
                    w.WriteRawValue(PathwayJson.Write(pathway));
                }
                else Summary(w, pathway);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static void Summary(System.Text.Json.Utf8JsonWriter w, Pathway p)
    {
        w.WriteString("jurisdiction", p.Policy.Code);
        w.WriteString("version", p.Version.Id);
        w.WriteString("offence", Words.Name(p.Offence));
        w.WriteBoolean("criminal", p.Criminal);
        w.WriteStartArray("consequences");
        foreach (var c in p.Consequences) w.WriteStringValue(PathwayText.Describe(c.Response));
        w.WriteEndArray();
        w.WriteStartArray("rules");
        foreach (var d in p.Decisions) w.WriteStringValue(d.Rule.Id);
        w.WriteEndArray();
        w.WriteBoolean("reliesOnUnverified", p.ReliesOnUnverified);
    }

    /// <summary>A pathway written as compact JSON straight into the response body.</summary>
    private sealed class PathwayResult(Pathway pathway) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            PathwayJson.Write(pathway, context.Response.BodyWriter, indented: false);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }
    }
}
