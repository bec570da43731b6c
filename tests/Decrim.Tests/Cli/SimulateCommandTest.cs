namespace Decrim.Tests.Cli;

public class SimulateCommandTest
{
    private static string Scenario(string name) => Path.Combine(Repo.Root, "scenarios", name);

    [Fact]
    public void Simulate_ScenarioAndReforms_WritesEveryOutputAndPrintsTheHeadline()
    {
        var folder = Path.Combine(Path.GetTempPath(), "decrim-simulate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = Command.Run("simulate", Scenario("kyrgyzstan-fines.yaml"),
                "--reform", Scenario("reforms/kyrgyzstan-fine-25-usd.yaml"), "-r", Scenario("reforms/kyrgyzstan-no-prison.yaml"),
                "--out", folder, "--replications", "3", "--threads", "2");
            Assert.True(code == 0, error);
            Assert.Contains("1. KG (baseline)", output, StringComparison.Ordinal);
            Assert.Contains("2. The pre-2019 fine of USD 25: KG; fines of rule possession set to 25 USD", output, StringComparison.Ordinal);
            Assert.Contains("3. No prison for unpaid fines: KG; criminal-charge removed; imprisonment removed", output, StringComparison.Ordinal);
            Assert.Matches(@"prison-days-after-fine +[\d,]+ \(", output);
            Assert.Contains("pass  Share of fines ending in prison", output, StringComparison.Ordinal);
            Assert.Contains("19 parameters: 1 sourced, 18 assumptions", output, StringComparison.Ordinal);
            foreach (var file in new[] { "series.csv", "differences.csv", "burden.csv", "costs.csv", "calibration.csv", "assumptions.csv", "replications.csv", "result.json", "report.html" })
                Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 50, file);
            var differences = File.ReadAllLines(Path.Combine(folder, "differences.csv"));
            Assert.Contains(differences, l => l.StartsWith("No prison for unpaid fines,KG (baseline),total,", StringComparison.Ordinal) && l.Contains(",imprisonments,count,-", StringComparison.Ordinal));
            Assert.Equal(3 * 3 * 8 * Decrim.Simulation.Metrics.Count + 1, File.ReadAllLines(Path.Combine(folder, "replications.csv")).Length);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Simulate_BadScenario_ErrorWithFileLineAndColumn()
    {
        var file = Path.Combine(Path.GetTempPath(), "decrim-bad-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, "name: x\npolicy: NO\nstart: 2020-01-01\nyears: 1\ncurrency: NOK\npopulation: 3\n");
        try
        {
            var (code, output, error) = Command.Run("simulate", file);
            Assert.Equal(2, code);
            Assert.Empty(output);
            Assert.Contains($"{file}:6:13: \"population\" must be a mapping of keys to values.", error, StringComparison.Ordinal);
            Assert.Contains("the scenario needs a \"enforcement\" key.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Simulate_HorizonBeforeThePolicy_WarnsAboutUnansweredContacts()
    {
        var file = Path.Combine(Path.GetTempPath(), "decrim-early-" + Guid.NewGuid().ToString("N") + ".yaml");
        var text = File.ReadAllText(Scenario("kyrgyzstan-fines.yaml"));
        File.WriteAllText(file, text[..text.IndexOf("calibration:", StringComparison.Ordinal)].Replace("start: 2019-01-01", "start: 1999-01-01", StringComparison.Ordinal));
        var folder = Path.Combine(Path.GetTempPath(), "decrim-early-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = Command.Run("simulate", file, "--population", "2000", "--replications", "2", "--out", folder);
            Assert.True(code == 0, error);
            Assert.Contains("warning: under KG (baseline),", output, StringComparison.Ordinal);
            Assert.Contains("contacts a run had no answer from the policy", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("--population", "0", "--population must be from 1 to 100,000,000.")]
    [InlineData("--replications", "0", "--replications must be from 1 to 10,000.")]
    [InlineData("--reform", "no-such-reform.yaml", "no-such-reform.yaml:1:1: cannot read the file")]
    public void Simulate_BadOption_OneLineError(string option, string value, string message)
    {
        var (code, _, error) = Command.Run("simulate", Scenario("kyrgyzstan-fines.yaml"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ScenarioForAJurisdictionNotInTheCatalogue_SaysSo()
    {
        var file = Path.Combine(Path.GetTempPath(), "decrim-xx-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, File.ReadAllText(Scenario("kyrgyzstan-fines.yaml")).Replace("policy: KG", "policy: XX", StringComparison.Ordinal));
        try
        {
            var (code, _, error) = Command.Run("simulate", file);
            Assert.Equal(2, code);
            Assert.StartsWith("decrim: ", error, StringComparison.Ordinal);
            Assert.Contains("XX", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
