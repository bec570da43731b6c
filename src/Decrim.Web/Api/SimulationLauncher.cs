using Decrim.Evaluation;
using Decrim.Simulation;
using Decrim.Web.Site;
using Decrim.Storage;
using Decrim.Web.Background;

namespace Decrim.Web.Api;

/// <summary>Checks a simulation request against the bundle and the server's limits and queues it: shared by the API and the simulator page.</summary>
public sealed class SimulationLauncher(Bundle bundle, DecrimOptions options, SimulationJobs jobs, SimulationQueue queue)
{
    public (SimulationJob? Job, IReadOnlyList<InputError> Errors) Queue(SimulationRequest request)
    {
        var errors = new List<InputError>();
        SimulationScenario? scenario = null;
        if (string.IsNullOrWhiteSpace(request.Scenario)) errors.Add(new("scenario", $"choose a scenario: {string.Join(", ", bundle.Scenarios())}."));
        else if (bundle.Scenario(request.Scenario) is var (read, diagnostics) && read is null)
            errors.Add(new("scenario", diagnostics.Count > 0 ? $"the scenario does not validate: {diagnostics[0]}" : $"unknown scenario \"{request.Scenario}\"; available: {string.Join(", ", bundle.Scenarios())}."));
        else scenario = read;
        for (var i = 0; i < request.Reforms.Count; i++)
            if (bundle.ReformPath(request.Reforms[i]) is null)
                errors.Add(new($"reforms[{i}]", $"unknown reform \"{request.Reforms[i]}\"; available: {string.Join(", ", bundle.Reforms())}."));
        if (request.Reforms.Distinct(StringComparer.Ordinal).Count() != request.Reforms.Count) errors.Add(new("reforms", "a reform is named twice."));
        if (request.Reforms.Count > 4) errors.Add(new("reforms", "at most 4 reforms per run."));
        if (request.Population is { } size && (size < 100 || size > options.MaxSimulationPopulation))
            errors.Add(new("population", $"must be from 100 to {options.MaxSimulationPopulation:N0} on this server."));
        if (request.Replications is { } reps && (reps < 2 || reps > options.MaxSimulationReplications))
            errors.Add(new("replications", $"must be from 2 to {options.MaxSimulationReplications:N0} on this server."));
        if (scenario is not null && request.Population is null && scenario.Population.Size > options.MaxSimulationPopulation)
            errors.Add(new("population", $"the scenario simulates more people than this server runs ({options.MaxSimulationPopulation:N0}); give a population."));
        if (scenario is not null && request.Replications is null && scenario.Replications > options.MaxSimulationReplications)
            errors.Add(new("replications", $"the scenario asks for more replications than this server runs ({options.MaxSimulationReplications:N0}); give replications."));
        if (errors.Count > 0) return (null, errors);
        var job = jobs.Queue(request.Scenario!, request.Reforms, request.Population, request.Replications);
        queue.Notify();
        return (job, []);
    }
}
