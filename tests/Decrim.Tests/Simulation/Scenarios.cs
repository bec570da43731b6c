using Decrim.Simulation;

namespace Decrim.Tests.Simulation;

/// <summary>The shipped scenarios and reforms, read from scenarios/, and runs of them made small enough for tests.</summary>
internal static class Scenarios
{
    public static string Folder => Path.Combine(Repo.Root, "scenarios");

    public static IEnumerable<string> Files() => Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal);

    public static SimulationScenario Read(string name)
    {
        var (scenario, diagnostics) = SimulationScenarioReader.ReadFile(Path.Combine(Folder, name));
        Assert.True(scenario is not null, string.Join("\n", diagnostics));
        return scenario!;
    }

    public static Reform Reform(string name)
    {
        var (reform, diagnostics) = ReformReader.ReadFile(Path.Combine(Folder, "reforms", name));
        Assert.True(reform is not null, string.Join("\n", diagnostics));
        return reform!;
    }

    public static SimulatedPolicy Baseline(SimulationScenario s) =>
        new($"{s.Policy} (baseline)", "as encoded", Repo.Catalogue.Get(s.Policy));

    public static IReadOnlyList<SimulatedPolicy> WithReforms(SimulationScenario s, params string[] reforms) =>
        [Baseline(s), .. reforms.Select(r => Reform(r).Apply(Repo.Catalogue.Get(s.Policy), Repo.Catalogue.Get))];

    public static SimulationScenario Small(SimulationScenario s, int size, int replications) =>
        s with { Population = s.Population with { Size = size }, Replications = replications };

    /// <summary>A complete, valid scenario as text, for tests that break one part of it.</summary>
    public const string Minimal = """
        name: Minimal
        policy: KG
        start: 2019-01-01
        years: 1
        replications: 2
        seed: 7
        currency: USD
        sources:
          - id: seed-003
            title: "INPUD (2021), seed 003"
        population:
          size: { value: 1000, assumption: "small" }
          substances: { value: { heroin: 0.5, cannabis-herb: 0.5 }, assumption: "half each" }
          dependent: { value: { heroin: 0.8, cannabis-herb: 0.1 }, assumption: "illustrative" }
          ages: { value: { 18-29: 0.5, 30-59: 0.5 }, assumption: "illustrative" }
          visible: { value: { dependent: 0.5, other: 0.1 }, assumption: "illustrative" }
          income: { value: { median: 250 USD, spread: 0.5 }, assumption: "illustrative" }
          amounts:
            heroin: { value: { median: 0.5 g, spread: 0.5 }, assumption: "illustrative" }
            cannabis-herb: { value: { median: 5 g, spread: 0.5 }, assumption: "illustrative" }
        enforcement:
          encounters: { value: { base: 0.5 }, assumption: "illustrative" }
          search: { value: 0.5, assumption: "illustrative" }
          found-without-search: { value: 0.5, assumption: "illustrative" }
          dependence-known: { value: 0.5, assumption: "illustrative" }
        behaviour:
          pay: { value: { max: 0.9, half-at: 1, steepness: 2 }, source: seed-003, pinpoint: "section 4.1" }
          attend: { value: 0.5, assumption: "illustrative" }
          complete-treatment: { value: 0.5, assumption: "illustrative" }
          take-referral: { value: 0, assumption: "illustrative" }
          discretion: { value: 0.5, assumption: "illustrative" }
          convicted: { value: 1, assumption: "illustrative" }
        """;
}
