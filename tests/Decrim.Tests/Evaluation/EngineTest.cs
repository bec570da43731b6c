using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Tests.Evaluation;

public class EngineTest
{
    private static Item Found(string substance, string amount) =>
        new(SubstanceVocabulary.Shared[substance], Quantity.TryParse(amount, out var q, out _) ? q : throw new ArgumentException(amount));

    private static Pathway Evaluate(string code, string date, Conduct conduct, params Item[] items) =>
        Engine.Evaluate(Repo.Catalogue.Get(code), new Encounter { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Conduct = conduct, Items = items, Dependence = Dependence.Dependent });

    [Fact]
    public void Evaluate_DependentWithinThreshold_TraceNamesTheOverridingException()
    {
        var p = Evaluate("NO", "2023-06-01", Conduct.Possession, Found("heroin", "4 g"));
        var step = Assert.Single(p.Trace, t => t.Rule == "dependent-own-use");
        Assert.Equal("overrides use-possession", step.Outcome);
        Assert.Contains(step.Reads, r => r is { Variable: "dependent", Actual: "yes", Holds: true });
        Assert.Contains(step.Reads, r => r is { Variable: "quantity", Actual: "within", Holds: true });
    }

    [Fact]
    public void Evaluate_TraceShowsTheValuesAnExceptionFailedOn()
    {
        var p = Evaluate("NO", "2023-06-01", Conduct.Possession, Found("heroin", "12 g"));
        var step = Assert.Single(p.Trace, t => t.Rule == "dependent-own-use");
        Assert.Equal("does not apply", step.Outcome);
        Assert.Contains(step.Reads, r => r is { Variable: "quantity", Actual: "above", Required: "within", Holds: false });
        Assert.Contains(p.Trace, t => t.Explanation.Contains("12 g > 5 g", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SeveralSubstances_EachDecidedAndConsequencesNameThem()
    {
        var p = Evaluate("NO", "2023-06-01", Conduct.Possession, Found("heroin", "4 g"), Found("cannabis-herb", "20 g"));
        Assert.Equal(["dependent-own-use", "use-possession"], p.Decisions.Select(d => d.Rule.Id));
        Assert.True(p.Criminal);
        Assert.Contains(p.Consequences, c => c.Response.Kind == ResponseKind.Fine && c.Substances.SequenceEqual(["cannabis-herb"]));
    }

    [Fact]
    public void Evaluate_AfterVerification_WorksButWarns()
    {
        var p = Evaluate("NO", "2026-06-01", Conduct.Possession, Found("heroin", "1 g"));
        Assert.Contains(p.Warnings, w => w.Contains("after this version was last verified (2025-06-02)", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UnverifiedFactInPathway_IsWarned()
    {
        // Kyrgyzstan's possession rule under the 2021 codes is encoded but its fine is not confirmed.
        var p = Engine.Evaluate(Repo.Catalogue.Get("KG"), new Encounter { Date = new DateOnly(2022, 6, 1), Conduct = Conduct.Possession, Items = [Found("cannabis-herb", "1 g")] });
        Assert.Contains(p.Warnings, w => w.StartsWith("relies on an unverified fact", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_DateOutsideEveryVersion_IsAnEvaluationError()
    {
        var e = Assert.Throws<EvaluationException>(() => Evaluate("NO", "1990-01-01", Conduct.Possession, Found("heroin", "1 g")));
        Assert.Contains("no version in force on 1990-01-01", e.Message);
    }

    [Fact]
    public void Evaluate_AmountInIncomparableUnit_SaysWhichUnitToUse()
    {
        var e = Assert.Throws<EvaluationException>(() => Evaluate("NO", "2023-06-01", Conduct.Possession, Found("lsd", "2 doses")));
        Assert.Contains("give the amount in blotters", e.Message);
    }

    [Fact]
    public void Escalate_FineDoublingMonthly_DatesEachStepWithDeclaredRounding()
    {
        var fine = new Response
        {
            Kind = ResponseKind.Fine, Criminal = false, Amount = new Range<Money>(new Money(500, "USD"), new Money(500, "USD")),
            Escalation = new Escalation(MonthRounding.EndOfMonth,
            [
                new EscalationStep(new Period(1, PeriodUnit.Month), false, 2, [], default, null),
                new EscalationStep(new Period(3, PeriodUnit.Month), false, 2, [], default, null),
            ]),
        };
        var events = Engine.Escalate(fine, new DateOnly(2024, 1, 31));
        Assert.Equal([new DateOnly(2024, 2, 29), new DateOnly(2024, 4, 30)], events.Select(e => e.Date));
        Assert.Equal([new Money(1000, "USD"), new Money(2000, "USD")], events.Select(e => e.AmountDue!.Value));
        Assert.Contains("has no day 31", events[0].HowComputed);
    }

    [Fact]
    public void Json_Pathway_HasTheDocumentedFields()
    {
        var json = System.Text.Json.JsonDocument.Parse(PathwayJson.Write(Evaluate("NO", "2023-06-01", Conduct.Possession, Found("heroin", "4 g")))).RootElement;
        foreach (var key in new[] { "jurisdiction", "date", "version", "criminal", "consequences", "trace", "warnings", "police", "decisions" })
            Assert.True(json.TryGetProperty(key, out _), $"missing {key}");
        Assert.Equal("NO", json.GetProperty("jurisdiction").GetString());
        Assert.Equal("2022-07-01", json.GetProperty("version").GetProperty("effectiveFrom").GetString());
        Assert.False(json.GetProperty("criminal").GetBoolean());
        var first = json.GetProperty("consequences")[0];
        Assert.Equal("no-action", first.GetProperty("kind").GetString());
        Assert.Equal("dependent-own-use", first.GetProperty("basis").GetProperty("rule").GetString());
        Assert.Equal("kritisk-juss-2023", first.GetProperty("basis").GetProperty("source").GetString());
    }
}

public class ThresholdBoundTest
{
    private static Decrim.Policies.Threshold Threshold(bool inclusive) =>
        new("default", Decrim.Policies.ThresholdShape.PerSubstance, new HashSet<string> { "heroin" }, new Quantity(1, Unit.Gram), null,
            Decrim.Policies.ThresholdMeaning.Conclusive, new HashSet<Decrim.Policies.Conduct>(), default, null, default) { Inclusive = inclusive };

    [Fact]
    public void IsExceededBy_UpTo_TheLimitItselfIsWithin() => Assert.False(Threshold(inclusive: true).IsExceededBy(new Quantity(1, Unit.Gram)));

    [Fact]
    public void IsExceededBy_LessThan_TheLimitItselfIsAbove() => Assert.True(Threshold(inclusive: false).IsExceededBy(new Quantity(1000, Unit.Milligram)));

    [Fact]
    public void IsExceededBy_LessThan_JustBelowIsWithin() => Assert.False(Threshold(inclusive: false).IsExceededBy(new Quantity(999, Unit.Milligram)));
}
