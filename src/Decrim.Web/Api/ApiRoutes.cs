namespace Decrim.Web.Api;

/// <summary>The JSON API, version 1: every route under <c>/api/v1</c>, described in <c>/api/v1/openapi.json</c>.</summary>
public static class ApiRoutes
{
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithGroupName("v1");
        api.MapGet("/ping", () => Results.Text("ok")).WithName("Ping").WithSummary("Answers \"ok\": a bare endpoint, for health checks and load-test baselines.");
        CatalogueEndpoints.Map(api);
        EvaluateEndpoints.Map(api);
        AnalysisEndpoints.Map(api);
        SimulationEndpoints.Map(api);
        ReportEndpoints.Map(api);
        ReviewEndpoints.Map(api);
    }
}
