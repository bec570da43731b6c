using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Simulation;

namespace Decrim.Tests.Simulation;

public class ReformTest
{
    private static readonly Policy Norway = Repo.Catalogue.Get("NO");
    private static readonly Policy Kyrgyzstan = Repo.Catalogue.Get("KG");

    private static Pathway Possession(Policy policy, DateOnly date, string substance, string amount, Dependence dependence = Dependence.NotDependent)
    {
        Assert.True(Quantity.TryParse(amount, out var q, out _));
        return Engine.Evaluate(policy, new Encounter
        {
            Date = date, Conduct = Conduct.Possession, Dependence = dependence,
            Items = [new Item(Decrim.Substances.SubstanceVocabulary.Shared[substance], q)],
        });
    }

    private static Reform Make(params ReformChange[] changes) => new() { Name = "test", File = "test.yaml", Changes = changes };

    private static readonly Provenance Assumed = new(null, null, "test");

    [Fact]
    public void SetThreshold_LowerHeroinLimit_DependentPersonAboveItIsCharged()
    {
        var date = new DateOnly(2023, 6, 1);
        Assert.Equal("dependent-own-use", Possession(Norway, date, "heroin", "4 g", Dependence.Dependent).Decisions[0].Rule.Id);
        var reformed = Make(new SetThreshold(new HashSet<string> { "heroin" }, new Quantity(3, Unit.Gram), Threshold.DefaultTier, ThresholdMeaning.Rebuttable, Assumed))
            .Apply(Norway, Repo.Catalogue.Get).Policy;
        Assert.NotEqual("dependent-own-use", Possession(reformed, date, "heroin", "4 g", Dependence.Dependent).Decisions[0].Rule.Id);
        // Other substances of the same threshold keep theirs.
        Assert.Equal("dependent-own-use", Possession(reformed, date, "cocaine", "4 g", Dependence.Dependent).Decisions[0].Rule.Id);
        Assert.Equal("dependent-own-use", Possession(reformed, date, "heroin", "2.5 g", Dependence.Dependent).Decisions[0].Rule.Id);
    }

    [Fact]
    public void SetThreshold_WhereNoneExists_AddsOne()
    {
        var version = Kyrgyzstan.Versions.Single(v => v.Id == "misconduct-code-2019");
        Assert.Empty(version.Thresholds);
        var changed = Make(new SetThreshold(new HashSet<string> { "heroin" }, new Quantity(1, Unit.Gram), Threshold.DefaultTier, ThresholdMeaning.Conclusive, Assumed))
            .Apply(Kyrgyzstan, Repo.Catalogue.Get).Policy.Versions.Single(v => v.Id == "misconduct-code-2019");
        var t = Assert.Single(changed.Thresholds);
        Assert.Equal(new Quantity(1, Unit.Gram), t.Amount);
    }

    [Fact]
    public void RemoveResponse_ReachesIntoEscalationSteps()
    {
        var date = new DateOnly(2020, 6, 1);
        static IEnumerable<ResponseKind> Kinds(Pathway p) => p.Consequences.SelectMany(c => c.Escalation.SelectMany(e => e.Then).Select(r => r.Kind).Prepend(c.Response.Kind));
        Assert.Contains(ResponseKind.Imprisonment, Kinds(Possession(Kyrgyzstan, date, "heroin", "0.5 g")));
        var reformed = Make(new RemoveResponse(null, ResponseKind.Imprisonment, Assumed)).Apply(Kyrgyzstan, Repo.Catalogue.Get).Policy;
        var kinds = Kinds(Possession(reformed, date, "heroin", "0.5 g")).ToList();
        Assert.DoesNotContain(ResponseKind.Imprisonment, kinds);
        Assert.Contains(ResponseKind.Fine, kinds);
        Assert.Contains(ResponseKind.CriminalCharge, kinds);
    }

    [Fact]
    public void RemoveResponse_EveryConsequence_LeavesNoAction()
    {
        var reformed = Make(new RemoveResponse("possession", ResponseKind.Fine, Assumed)).Apply(Kyrgyzstan, Repo.Catalogue.Get).Policy;
        var p = Possession(reformed, new DateOnly(2020, 6, 1), "heroin", "0.5 g");
        Assert.Equal(ResponseKind.NoAction, Assert.Single(p.Consequences).Response.Kind);
    }

    [Fact]
    public void SetFine_OnlyTheNamedRule()
    {
        var reformed = Make(new SetFine("possession", new Money(25, "USD"), Assumed)).Apply(Kyrgyzstan, Repo.Catalogue.Get).Policy;
        var fine = Possession(reformed, new DateOnly(2020, 6, 1), "heroin", "0.5 g").Consequences.Single(c => c.Response.Kind == ResponseKind.Fine);
        Assert.Equal(new Range<Money>(new Money(25, "USD"), new Money(25, "USD")), fine.Response.Amount);
        // Escalation still doubles from the new amount.
        Assert.Equal(new Money(50, "USD"), fine.Escalation[0].AmountDue);
        var untouched = Make(new SetFine("other-rule", new Money(25, "USD"), Assumed)).Apply(Kyrgyzstan, Repo.Catalogue.Get).Policy;
        Assert.Equal(new Money(500, "USD"), Possession(untouched, new DateOnly(2020, 6, 1), "heroin", "0.5 g").Consequences.Single(c => c.Response.Kind == ResponseKind.Fine).Response.Amount.Min);
    }

    [Fact]
    public void AsOf_HoldsOneVersionOverEveryDate()
    {
        var reform = new Reform { Name = "2023 law in 2018", File = "r.yaml", AsOf = new DateOnly(2023, 1, 1) };
        var held = reform.Apply(Norway, Repo.Catalogue.Get);
        Assert.Equal("advisory-units-2022", Assert.Single(held.Policy.Versions).Id);
        Assert.Equal("dependent-own-use", Possession(held.Policy, new DateOnly(2018, 6, 1), "heroin", "1 g", Dependence.Dependent).Decisions[0].Rule.Id);
        Assert.Contains("held over the whole horizon", held.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_AnotherJurisdiction_ReplacesTheBaseline()
    {
        var reform = Scenarios.Reform("norway-portugal-model.yaml");
        var applied = reform.Apply(Norway, Repo.Catalogue.Get);
        Assert.Equal("PT", applied.Policy.Code);
        Assert.Equal("Portugal's model", applied.Label);
        Assert.Equal(Repo.Catalogue.Get("PT").Versions.Count, applied.Policy.Versions.Count);
    }

    [Fact]
    public void AsOf_NoVersionInForce_ClearError()
    {
        var reform = new Reform { Name = "x", File = "r.yaml", AsOf = new DateOnly(1990, 1, 1) };
        var e = Assert.Throws<SimulationException>(() => reform.Apply(Norway, Repo.Catalogue.Get));
        Assert.Equal("r.yaml: NO has no version in force on 1990-01-01 (\"as-of\").", e.Message);
    }

    public static TheoryData<string> ShippedReforms() => [.. Directory.GetFiles(Path.Combine(Scenarios.Folder, "reforms"), "*.yaml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ShippedReforms))]
    public void Read_ShippedReform_IsValid(string file) => Assert.NotNull(Scenarios.Reform(file));

    [Theory]
    [InlineData("name: x\n", "a reform changes something")]
    [InlineData("name: x\nchanges:\n  - remove: { kind: fine }\n", "each change needs a \"source\"")]
    [InlineData("name: x\nchanges:\n  - remove: { kind: fines }\n    assumption: y\n", "\"kind\" must be one of")]
    [InlineData("name: x\nchanges:\n  - fine: { amount: 500 }\n    assumption: y\n", "expected an amount of money")]
    [InlineData("name: x\nchanges:\n  - threshold: { substances: [herion], amount: 1 g }\n    assumption: y\n", "\"herion\" is not a substance")]
    [InlineData("name: x\nchanges:\n  - fine: { amount: 5 USD }\n    remove: { kind: fine }\n    assumption: y\n", "exactly one of")]
    [InlineData("name: x\npolicy: norway\n", "must be a catalogue code")]
    [InlineData("name: x\nas-of: 2020-13-01\n", "YYYY-MM-DD")]
    [InlineData("name: x\npolicy: PT\ncolour: red\n", "unknown key \"colour\"")]
    public void Read_BadReform_ClearError(string text, string message)
    {
        var (reform, diagnostics) = ReformReader.Read(text, "r.yaml");
        Assert.Null(reform);
        Assert.Contains(diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal) && d.Position.File == "r.yaml");
    }
}
