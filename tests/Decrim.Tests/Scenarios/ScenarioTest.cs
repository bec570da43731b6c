using Decrim.Classification;
using Decrim.Scenarios;

namespace Decrim.Tests.Scenarios;

/// <summary>Runs every scenario in policies/tests/*.yaml: one theory case per scenario, named by file and position.</summary>
public class ScenarioTest
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Policies, "tests"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var (scenarios, diagnostics) = ScenarioReader.ReadFile(file, Repo.Catalogue);
            var count = scenarios is null ? 1 : scenarios.Scenarios.Count + scenarios.Classifications.Count;
            for (var i = 0; i < count; i++) data.Add(Path.GetFileName(file), i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_Holds(string file, int index)
    {
        var (scenarios, diagnostics) = ScenarioReader.ReadFile(Path.Combine(Repo.Policies, "tests", file), Repo.Catalogue);
        Assert.True(scenarios is not null, string.Join("\n", diagnostics));
        var policy = Repo.Catalogue.Get(scenarios.Jurisdiction);
        if (index < scenarios.Scenarios.Count)
        {
            var s = scenarios.Scenarios[index];
            var failures = ScenarioRunner.Run(s, policy);
            Assert.True(failures.Count == 0, $"{s.Position} {s.Name}:\n  {string.Join("\n  ", failures)}");
            return;
        }
        var c = scenarios.Classifications[index - scenarios.Scenarios.Count];
        Assert.Equal(c.Model, Classifier.Classify(policy, c.Date).Headline.Name());
    }

    [Fact]
    public void Catalogue_EveryJurisdictionHasAtLeastFiveScenarios()
    {
        foreach (var code in Repo.Catalogue.Codes())
        {
            var path = Path.Combine(Repo.Policies, "tests", code + ".yaml");
            Assert.True(File.Exists(path), $"{code} has no scenario file");
            var (scenarios, _) = ScenarioReader.ReadFile(path, Repo.Catalogue);
            Assert.True(scenarios is { Scenarios.Count: >= 5 }, $"{code} has fewer than five scenarios");
        }
    }

    [Fact]
    public void Catalogue_EveryVersionBoundaryIsTestedOnBothSides()
    {
        foreach (var code in Repo.Catalogue.Codes())
        {
            var policy = Repo.Catalogue.Get(code);
            var (scenarios, _) = ScenarioReader.ReadFile(Path.Combine(Repo.Policies, "tests", code + ".yaml"), Repo.Catalogue);
            var dates = scenarios!.Scenarios.Select(s => s.Encounter.Date).ToHashSet();
            foreach (var v in policy.Versions.Skip(1))
            {
                var before = policy.VersionAt(v.From.AddDays(-1))!;
                Assert.True(scenarios.Scenarios.Any(s => before.Covers(s.Encounter.Date)) && scenarios.Scenarios.Any(s => v.Covers(s.Encounter.Date)),
                    $"{code}: no scenario on one side of the boundary {v.From:yyyy-MM-dd} ({before.Id} → {v.Id})");
            }
        }
    }
}
