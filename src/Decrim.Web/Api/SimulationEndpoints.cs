using System.Text.Json;
using Decrim.Simulation;
using Decrim.Web.Site;
using Decrim.Storage;

namespace Decrim.Web.Api;

/// <summary>
/// Simulations are jobs: POST queues one and answers 202 with where to look; GET tells its status and, when done, the
/// files (the CSV files, result.json, report.html) to download. Jobs live in the database, so any instance can answer.
/// </summary>
public static class SimulationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/scenarios", Scenarios).WithName("ListScenarios").WithTags("Simulation")
            .WithSummary("The scenarios and reforms this server can simulate, with the limits on population and replications.")
            .Produces(200, contentType: "application/json");
        api.MapPost("/simulations", Start).WithName("StartSimulation").WithTags("Simulation")
            .WithSummary("Queues a simulation of a scenario and reforms; answers 202 with the job and its status URL.")
            .Accepts<SimulationRequest>("application/json")
            .Produces(202, contentType: "application/json").ProducesValidationProblem().ProducesProblem(413);
        api.MapGet("/simulations/{id}", Status).WithName("SimulationStatus").WithTags("Simulation")
            .WithSummary("A simulation's status (queued, running, done, failed), progress, error, and its files when done.")
            .Produces(200, contentType: "application/json").ProducesProblem(404);
        api.MapGet("/simulations/{id}/files/{name}", File).WithName("SimulationFile").WithTags("Simulation")
            .WithSummary("One output file of a finished simulation: series.csv, differences.csv, burden.csv, costs.csv, calibration.csv, assumptions.csv, replications.csv, result.json or report.html.")
            .Produces(200).ProducesProblem(404);
    }

    private static IResult Scenarios(Bundle bundle, DecrimOptions options) => Problems.Json(Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("scenarios");
        foreach (var name in bundle.Scenarios())
        {
            var (s, _) = bundle.Scenario(name);
            w.WriteStartObject();
            w.WriteString("name", name);
            if (s is not null)
            {
                w.WriteString("title", s.Name);
                w.WriteString("jurisdiction", s.Policy);
                if (s.Description is not null) w.WriteString("description", s.Description);
                w.WriteNumber("population", s.Population.Size);
                w.WriteNumber("replications", s.Replications);
                w.WriteString("start", s.Start.ToString("yyyy-MM-dd"));
                w.WriteNumber("years", s.Years);
            }
            else w.WriteBoolean("valid", false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("reforms");
        foreach (var name in bundle.Reforms())
        {
            var (r, _) = bundle.Reform(name);
            w.WriteStartObject();
            w.WriteString("name", name);
            if (r is not null)
            {
                w.WriteString("title", r.Name);
                if (r.Description is not null) w.WriteString("description", r.Description);
            }
            else w.WriteBoolean("valid", false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("limits");
        w.WriteNumber("population", options.MaxSimulationPopulation);
        w.WriteNumber("replications", options.MaxSimulationReplications);
        w.WriteEndObject();
        w.WriteEndObject();
    }));

    private static async Task<IResult> Start(HttpRequest request, SimulationLauncher launcher)
    {
        var (body, errors) = await JsonBody.Read<SimulationRequest>(request);
        if (body is null) return Problems.Invalid(errors!);
        var (job, problems) = launcher.Queue(body);
        if (job is null) return Problems.Invalid(problems);
        request.HttpContext.Response.Headers.Location = $"/api/v1/simulations/{job.Id}";
        return Problems.Json(StatusJson(job, []), StatusCodes.Status202Accepted);
    }

    private static IResult Status(SimulationJobs jobs, string id) =>
        jobs.Get(id) is { } job ? Problems.Json(StatusJson(job, job.Status == "done" ? jobs.Files(id) : [])) : Problems.NotFound($"no simulation \"{id}\".");

    private static IResult File(SimulationJobs jobs, string id, string name)
    {
        if (name == "report-body.html" || jobs.File(id, name) is not { } content) return Problems.NotFound($"no file \"{name}\" for simulation \"{id}\".");
        var type = Path.GetExtension(name) switch { ".csv" => "text/csv; charset=utf-8", ".json" => "application/json; charset=utf-8", _ => "text/html; charset=utf-8" };
        return Results.Text(content, type);
    }

    internal static string StatusJson(SimulationJob job, IReadOnlyList<string> files) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", job.Id);
        w.WriteString("status", job.Status);
        w.WriteNumber("progress", Math.Round(job.Progress, 3));
        w.WriteString("scenario", job.Scenario);
        w.WriteStartArray("reforms");
        foreach (var r in job.Reforms) w.WriteStringValue(r);
        w.WriteEndArray();
        if (job.Population is { } p) w.WriteNumber("population", p);
        if (job.Replications is { } n) w.WriteNumber("replications", n);
        if (job.Error is not null) w.WriteString("error", job.Error);
        w.WriteString("created", job.Created.ToString("O"));
        if (job.Finished is { } f) w.WriteString("finished", f.ToString("O"));
        w.WriteString("href", $"/api/v1/simulations/{job.Id}");
        w.WriteString("page", $"/simulator/runs/{job.Id}");
        w.WriteStartObject("files");
        foreach (var name in files.Where(f => f != "report-body.html")) w.WriteString(name, $"/api/v1/simulations/{job.Id}/files/{name}");
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
