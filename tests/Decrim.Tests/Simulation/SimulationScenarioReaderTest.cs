using Decrim.Simulation;

namespace Decrim.Tests.Simulation;

public class SimulationScenarioReaderTest
{
    public static TheoryData<string> ShippedScenarios() => [.. Scenarios.Files().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Read_ShippedScenario_IsValidAndEveryParameterHasAProvenance(string file)
    {
        var s = Scenarios.Read(file);
        Assert.NotEmpty(s.Parameters);
        Assert.All(s.Parameters, p => Assert.True(p.Provenance.Source is not null ^ p.Provenance.Assumption is not null, p.Name));
        Assert.All(s.Parameters.Where(p => p.Provenance.Source is not null), p => Assert.Contains(p.Provenance.Source!, s.Sources.Keys));
        Assert.NotEmpty(s.Calibration);
    }

    [Fact]
    public void Read_Minimal_ReadsEveryPart()
    {
        var s = Read(Scenarios.Minimal);
        Assert.Equal("KG", s.Policy);
        Assert.Equal(new DateOnly(2020, 1, 1), s.End);
        Assert.Equal(2, s.Population.Substances.Count);
        Assert.Equal(0.8, s.Population.Substances[0].Dependent);
        Assert.Equal(new AgeBand(18, 29, 0.5), s.Population.Ages[0]);
        Assert.Equal(250m, s.Population.Income.Median);
        Assert.Equal(1.0, s.Population.Income.DependentFactor);
        Assert.Equal(0.5, s.Enforcement.BaseRate);
        Assert.Equal(1.0, s.Enforcement.DependentMultiplier);
        Assert.Equal(new PaymentCurve(0.9, 1, 2), s.Behaviour.Pay);
        Assert.Equal(0.5, s.Behaviour.DiscretionFor(Decrim.Policies.ResponseKind.Fine));
        var pay = Assert.Single(s.Parameters, p => p.Name == "behaviour.pay");
        Assert.Equal(new Provenance("seed-003", "section 4.1", null), pay.Provenance);
        Assert.Equal("max: 0.9, half-at: 1, steepness: 2", pay.Value);
        // Not set, so not listed: the report shows only what the file says.
        Assert.DoesNotContain(s.Parameters, p => p.Name.StartsWith("costs.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  search: { value: 0.5, assumption: \"illustrative\" }", "  search: { value: 0.5 }", "needs a \"source\"")]
    [InlineData("  search: { value: 0.5, assumption: \"illustrative\" }", "  search: { value: 0.5, source: nowhere }", "source \"nowhere\" is not in the scenario's \"sources\" list")]
    [InlineData("  search: { value: 0.5, assumption: \"illustrative\" }", "  search: { value: 0.5, source: seed-003, assumption: \"x\" }", "either a \"source\" or an \"assumption\", not both")]
    [InlineData("  search: { value: 0.5, assumption: \"illustrative\" }", "  search: { value: 1.5, assumption: \"x\" }", "must be a number from 0 to 1 (found \"1.5\")")]
    [InlineData("  search: { value: 0.5, assumption: \"illustrative\" }", "  serch: { value: 0.5, assumption: \"x\" }", "unknown key \"serch\"")]
    [InlineData("{ heroin: 0.5, cannabis-herb: 0.5 }", "{ heroin: 0.5, cannabis-herb: 0.6 }", "add up to 1.1, not 1")]
    [InlineData("{ heroin: 0.5, cannabis-herb: 0.5 }", "{ heroine: 0.5, cannabis-herb: 0.5 }", "\"heroine\" is not a valid key")]
    [InlineData("{ 18-29: 0.5, 30-59: 0.5 }", "{ 18-29: 0.5, 29-59: 0.5 }", "overlap (18-29 and 29-59)")]
    [InlineData("median: 250 USD", "median: 250 EUR", "is in EUR; write it in the scenario's currency, USD")]
    [InlineData("median: 0.5 g, spread", "median: 0.5 tablets, spread", "heroin is not measured in tablets")]
    [InlineData("years: 1", "years: 10\nstep: month", "120 periods; at most 64")]
    [InlineData("policy: KG", "policy: Kyrgyzstan", "must be a catalogue code")]
    public void Read_BadParameter_OneErrorAtItsPlace(string find, string replace, string message)
    {
        var text = Scenarios.Minimal.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Scenarios.Minimal, text);
        // The error is on the (last) line the replacement wrote.
        var line = text[..(text.IndexOf(replace, StringComparison.Ordinal) + replace.Length)].Split('\n').Length;
        var (scenario, diagnostics) = SimulationScenarioReader.Read(text, "bad.yaml");
        Assert.Null(scenario);
        var d = Assert.Single(diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal("bad.yaml", d.Position.File);
        Assert.Equal(line, d.Position.Line);
    }

    [Fact]
    public void Read_MissingSection_SaysWhichKeyIsNeeded()
    {
        var text = Scenarios.Minimal[..Scenarios.Minimal.IndexOf("behaviour:", StringComparison.Ordinal)];
        var (scenario, diagnostics) = SimulationScenarioReader.Read(text, "bad.yaml");
        Assert.Null(scenario);
        Assert.Contains(diagnostics, d => d.Message == "the scenario needs a \"behaviour\" key.");
    }

    [Fact]
    public void Read_CalibrationWithUnknownMetric_ListsTheKnownOnes()
    {
        var text = Scenarios.Minimal + """

            calibration:
              - figure: x
                value: 0.5
                tolerance: 0.1
                assumption: "test"
                of: { metric: fines-pad }
                to: { metric: fines-issued }
            """;
        var (_, diagnostics) = SimulationScenarioReader.Read(text, "bad.yaml");
        var d = Assert.Single(diagnostics);
        Assert.Contains("\"fines-pad\" is not an output; known: potential-contacts,", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CalibrationWindowInsideAPeriod_Error()
    {
        var text = Scenarios.Minimal + """

            calibration:
              - figure: x
                value: 0.5
                tolerance: 0.1
                assumption: "test"
                of: { metric: fines-paid, from: 2019-02-01 }
                to: { metric: fines-issued }
            """;
        var (_, diagnostics) = SimulationScenarioReader.Read(text, "bad.yaml");
        var d = Assert.Single(diagnostics);
        Assert.Equal("the calibration window date 2019-02-01 is not the start of a reporting year between 2019-01-01 and 2020-01-01; windows sum whole periods.", d.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name: [unclosed")]
    [InlineData("- a list")]
    public void Read_NotAScenario_OneClearDiagnostic(string text)
    {
        var (scenario, diagnostics) = SimulationScenarioReader.Read(text, "bad.yaml");
        Assert.Null(scenario);
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal("bad.yaml", d.Position.File));
    }

    private static SimulationScenario Read(string text)
    {
        var (scenario, diagnostics) = SimulationScenarioReader.Read(text, "test.yaml");
        Assert.True(scenario is not null, string.Join("\n", diagnostics));
        return scenario!;
    }
}
