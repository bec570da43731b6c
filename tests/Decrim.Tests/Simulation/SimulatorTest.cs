using Decrim.Simulation;

namespace Decrim.Tests.Simulation;

public class SimulatorTest
{
    [Fact]
    public void Run_SameSeed_ByteIdenticalOutputsWithOneAndTwoThreads()
    {
        var scenario = Scenarios.Small(Scenarios.Read("norway.yaml"), size: 30_000, replications: 3);
        var policies = Scenarios.WithReforms(scenario, "norway-no-records.yaml", "norway-portugal-model.yaml");
        var one = Path.Combine(Path.GetTempPath(), "decrim-determinism-1-" + Guid.NewGuid().ToString("N"));
        var two = Path.Combine(Path.GetTempPath(), "decrim-determinism-2-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = SimulationReport.WriteAll(Simulator.Run(scenario, policies, threads: 1), one);
            SimulationReport.WriteAll(Simulator.Run(scenario, policies, threads: 2), two);
            Assert.Equal(9, files.Count);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(two, name))), $"{name} differs between 1 and 2 threads");
            }
            Assert.Contains("fines-issued", File.ReadAllText(Path.Combine(one, "series.csv")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(one)) Directory.Delete(one, true);
            if (Directory.Exists(two)) Directory.Delete(two, true);
        }
    }

    [Fact]
    public void Run_AnotherSeed_OtherDraws()
    {
        var scenario = Scenarios.Small(Scenarios.Read("norway.yaml"), size: 5_000, replications: 2);
        var a = Simulator.Run(scenario, [Scenarios.Baseline(scenario)]);
        var b = Simulator.Run(scenario with { Seed = scenario.Seed + 1 }, [Scenarios.Baseline(scenario)]);
        Assert.NotEqual(a.Total(0, 0, Metric.Encounters), b.Total(0, 0, Metric.Encounters));
        // Replications are different draws too.
        Assert.NotEqual(a.Total(0, 0, Metric.Encounters), a.Total(1, 0, Metric.Encounters));
    }

    public static TheoryData<string> ShippedScenarios() => [.. Scenarios.Files().Select(f => Path.GetFileName(f))];

    /// <summary>The calibration cases: each shipped scenario reproduces its published figures within the stated tolerance.</summary>
    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Calibrate_ShippedScenario_ReproducesPublishedFigures(string file)
    {
        var scenario = Scenarios.Read(file);
        var result = Simulator.Run(scenario, [Scenarios.Baseline(scenario)]);
        var outcomes = result.Calibrate();
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.True(o.Passed, $"{o.Target.Figure}: published {o.Target.Value} ± {o.Target.Tolerance}, simulated {o.Simulated}"));
    }

    /// <summary>
    /// Kyrgyzstan's ladder, computed independently of the simulator: a person with a fixed income pays each demand
    /// (USD 500, then 1,000 after a month, then 2,000 after three) with the payment curve's probability, and is
    /// imprisoned after the last. The simulated share of fines ending in prison must match.
    /// </summary>
    [Fact]
    public void Run_Kyrgyzstan_ShareOfFinesEndingInPrisonFollowsThePaymentCurve()
    {
        var scenario = Scenarios.Read("kyrgyzstan-fines.yaml");
        var curve = scenario.Behaviour.Pay;
        var income = (double)scenario.Population.Income.Median;
        var expected = new[] { 500.0, 1000, 2000 }.Aggregate(1.0, (p, fine) => p * (1 - curve.Max / (1 + Math.Pow(fine / income / curve.HalfAt, curve.Steepness))));
        Assert.InRange(expected, 0.76, 0.77);

        var result = Simulator.Run(scenario, [Scenarios.Baseline(scenario)]);
        // Fines issued in the last quarter reach prison after the horizon; count fines up to 1 October 2020.
        double fined = 0, imprisoned = 0;
        for (var r = 0; r < result.Replications; r++)
        {
            for (var t = 0; t < result.Periods.Count; t++)
            {
                if (result.Periods[t].To <= new DateOnly(2020, 10, 1)) fined += result.Value(r, 0, t, Metric.FinesIssued);
                imprisoned += result.Value(r, 0, t, Metric.ImprisonmentsAfterFine);
            }
        }
        Assert.InRange(imprisoned / fined, expected - 0.015, expected + 0.015);
        // Every imprisonment came from an unpaid fine, after a criminal charge, with a record.
        Assert.Equal(result.Estimate(0, null, Metric.Imprisonments).Mean, result.Estimate(0, null, Metric.ChargesAfterFine).Mean);
        Assert.Equal(result.Estimate(0, null, Metric.PrisonDays).Mean, result.Estimate(0, null, Metric.PrisonDaysAfterFine).Mean);
        // 2.5 to 5 years each, cut at the horizon: never more than five years a sentence.
        Assert.True(result.Estimate(0, null, Metric.PrisonDays).Mean <= 5 * 366 * result.Estimate(0, null, Metric.Imprisonments).Mean);
    }

    [Fact]
    public void Run_ReformThatChangesNothing_DiffersByExactlyZero()
    {
        var scenario = Scenarios.Small(Scenarios.Read("norway.yaml"), size: 10_000, replications: 2);
        var baseline = Repo.Catalogue.Get("NO");
        var same = new Reform { Name = "same", File = "same.yaml", Changes = [new SetFine(null, new Money(3500, "NOK"), new Provenance(null, null, "the scenario's default"))] }
            .Apply(baseline, Repo.Catalogue.Get);
        var result = Simulator.Run(scenario, [Scenarios.Baseline(scenario), same]);
        foreach (var m in Metrics.All)
        {
            var d = result.Difference(1, null, m);
            Assert.True(d.Mean == 0 && d.Low == 0 && d.High == 0, $"{m.Name()} differs by {d.Mean}");
        }
        Assert.True(result.Estimate(0, null, Metric.FinesIssued).Mean > 0);
    }

    [Fact]
    public void Run_PoliceFollowInstructions_FewerContactsAndSearchesOfDependentPeople()
    {
        var scenario = Scenarios.Small(Scenarios.Read("norway.yaml"), size: 20_000, replications: 2) with { Start = new DateOnly(2023, 1, 1), Years = 2 };
        SimulationResult With(double compliance) => Simulator.Run(
            scenario with { Enforcement = scenario.Enforcement with { Compliance = new Dictionary<string, double> { ["do-not-stop"] = compliance, ["do-not-search"] = compliance } } },
            [Scenarios.Baseline(scenario)]);
        var ignored = With(0);
        var followed = With(1);
        Assert.Equal(0, ignored.Estimate(0, null, Metric.ContactsAvoided).Mean);
        Assert.Equal(ignored.Estimate(0, null, Metric.PotentialContacts).Mean, followed.Estimate(0, null, Metric.PotentialContacts).Mean);
        Assert.True(followed.Estimate(0, null, Metric.ContactsAvoided).Mean > 0);
        Assert.True(followed.Estimate(0, null, Metric.Encounters).Mean < ignored.Estimate(0, null, Metric.Encounters).Mean);
        // Only dependent people within the thresholds are covered: everyone else is still stopped and fined.
        Assert.True(followed.Estimate(0, null, Metric.FinesIssued).Mean > 0);
        Assert.Equal(followed.Estimate(0, null, Metric.PotentialContacts).Mean,
            followed.Estimate(0, null, Metric.ContactsAvoided).Mean + followed.Estimate(0, null, Metric.Encounters).Mean);
    }

    [Fact]
    public void Run_Imprisonment_NoContactsWhileInPrison()
    {
        var scenario = Scenarios.Small(Scenarios.Read("kyrgyzstan-fines.yaml"), size: 5_000, replications: 2);
        var result = Simulator.Run(scenario, Scenarios.WithReforms(scenario, "kyrgyzstan-no-prison.yaml"));
        // The same potential contacts reach both policies, but people in prison under the baseline have none.
        Assert.True(result.Difference(1, null, Metric.PotentialContacts).Mean > 0);
        Assert.Equal(0, result.Estimate(1, null, Metric.Imprisonments).Mean);
        Assert.Equal(0, result.Estimate(1, null, Metric.Charges).Mean);
        Assert.True(result.Estimate(1, null, Metric.FinesUnpaid).Mean > 0);
    }

    [Fact]
    public void Run_FineAmounts_CountedInTheScenariosCurrency()
    {
        var scenario = Scenarios.Small(Scenarios.Read("kyrgyzstan-fines.yaml"), size: 2_000, replications: 1);
        var result = Simulator.Run(scenario, [Scenarios.Baseline(scenario)]);
        Assert.Equal(500 * result.Total(0, 0, Metric.FinesIssued), result.Total(0, 0, Metric.FineAmountIssued));
        var paid = result.Total(0, 0, Metric.FinesPaid) * 500;
        Assert.True(result.Total(0, 0, Metric.FineAmountPaid) >= paid, "late payments are at the escalated amount");
    }

    [Fact]
    public void Run_PolicyWithoutFineAmountAndNoDefault_SaysWhatToAdd()
    {
        var scenario = Scenarios.Read("norway.yaml") with { Defaults = new Defaults(null, null, null, null) };
        var e = Assert.Throws<SimulationException>(() => Simulator.Run(scenario, [Scenarios.Baseline(scenario)]));
        Assert.Contains("NO statute-2000, rule use-possession: the fine has no amount; give one in the scenario as defaults.fine.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FineInAnotherCurrencyWithoutRate_SaysWhichRateToAdd()
    {
        var scenario = Scenarios.Read("kyrgyzstan-fines.yaml") with { Currency = "KGS" };
        var e = Assert.Throws<SimulationException>(() => Simulator.Run(scenario, [Scenarios.Baseline(scenario)]));
        Assert.Contains("a fine is in USD but the scenario counts in KGS; add USD to exchange-rates.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ComplianceForAnInstructionNoPolicyHas_SaysSo()
    {
        var scenario = Scenarios.Read("norway.yaml");
        scenario = scenario with { Enforcement = scenario.Enforcement with { Compliance = new Dictionary<string, double> { ["no-phone-serch"] = 0.5 } } };
        var e = Assert.Throws<SimulationException>(() => Simulator.Run(scenario, [Scenarios.Baseline(scenario)]));
        Assert.StartsWith("enforcement.compliance names no-phone-serch, which is neither", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Periods_ByQuarterWithLabels()
    {
        var scenario = Scenarios.Small(Scenarios.Read("norway.yaml"), size: 100, replications: 1);
        var result = Simulator.Run(scenario, [Scenarios.Baseline(scenario)]);
        Assert.Equal(40, result.Periods.Count);
        Assert.Equal(new ReportPeriod("2018-Q1", new DateOnly(2018, 1, 1), new DateOnly(2018, 4, 1)), result.Periods[0]);
        Assert.Equal(new DateOnly(2028, 1, 1), result.Periods[^1].To);
        Assert.Equal(100, Enumerable.Range(0, result.Groups.Count).Where(g => result.Groups[g].Dimension == GroupDimension.Income).Sum(g => result.GroupSize(g).Mean));
    }

    [Fact]
    public void Estimate_KnownValues_MeanIntervalAndPercentiles()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var e = Estimate.Of(values);
        Assert.Equal(5.5, e.Mean);
        // sd = 3.02765; t(9) = 2.2622; half-width = 2.2622 × 3.02765 / √10 = 2.1659
        Assert.Equal(5.5 - 2.1659, e.Low, 3);
        Assert.Equal(5.5 + 2.1659, e.High, 3);
        Assert.Equal(1.225, e.P025, 6);
        Assert.Equal(9.775, e.P975, 6);
        Assert.Equal(new Estimate(3, 3, 3, 3, 3, 1), Estimate.Of([3.0]));
        Assert.Equal(1.96, Estimate.StudentT975(100000), 2);
        Assert.Equal(2.0423, Estimate.StudentT975(30), 4);
        Assert.InRange(Estimate.StudentT975(40), 2.020, 2.022);
    }

    [Fact]
    public void PaymentCurve_HalfOfMaximumAtHalfAt()
    {
        var curve = new PaymentCurve(0.9, 0.5, 2);
        Assert.Equal(0.45, curve.Probability(500, 1000), 10);
        Assert.Equal(0.9, curve.Probability(0, 1000), 10);
        Assert.Equal(0, curve.Probability(500, 0));
        Assert.True(curve.Probability(2000, 1000) < curve.Probability(1000, 1000));
    }

    [Fact]
    public void Rng_InverseNormal_MatchesKnownQuantiles()
    {
        Assert.Equal(0, Rng.InverseNormal(0.5), 9);
        Assert.Equal(1.959964, Rng.InverseNormal(0.975), 5);
        Assert.Equal(-2.326348, Rng.InverseNormal(0.01), 5);
    }
}
