using Decrim.Assessment;
using Decrim.Policies;

namespace Decrim.Tests.Assessment;

/// <summary>Every computed criterion judged both ways on small fixture policies: met without the thing it forbids, not met with it.</summary>
public partial class AssessorTest
{
    private static Judgement Judge(Policy policy, string criterion) =>
        Assessor.Assess(policy, Fixture.Date).Judgements.Single(j => j.Criterion.Id == criterion);

    public static TheoryData<string, string> Forbidden() => new()
    {
        { "no-fines", "[{ kind: fine, amount: 100 EUR }]" },
        { "no-other-penalties", "[{ kind: community-service }]" },
        { "no-other-penalties", "[{ kind: imprisonment, max: 15 days }]" },
        { "no-rights-revocation", "[{ kind: licence-revocation, what: driving licence }]" },
        { "no-rights-revocation", "[{ kind: restriction, what: travel ban }]" },
        { "no-compulsory-detention", "[{ kind: compulsory-detention, min: 6 months, max: 24 months }]" },
        { "no-forced-treatment", "[{ kind: compulsory-treatment }]" },
        { "no-mandatory-appearance", "[{ kind: mandatory-appearance, what: commission }]" },
        { "no-diversion", "[{ kind: voluntary-referral, what: treatment services, by: police }]" },
        { "no-warnings", "[warning]" },
        { "no-confiscation", "[confiscation]" },
        { "no-drug-testing", "[drug-testing]" },
        { "no-registration", "[registry-entry]" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void NoResponse_ResponseInThePathway_IsNotMetAndNamesIt_OtherwiseMet(string criterion, string then)
    {
        var with = Judge(Fixture.Policy(then), criterion);
        Assert.Equal(Verdict.NotMet, with.Verdict);
        Assert.Contains(with.Evidence, e => e.Rule == "possession" && e.Citation?.SourceId == "act");
        var without = Judge(Fixture.Policy("[no-action]"), criterion);
        Assert.Equal(Verdict.Met, without.Verdict);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void NoResponse_OneResponse_FailsOnlyItsOwnCriterion(string criterion, string then)
    {
        var failed = Assessor.Assess(Fixture.Policy(then), Fixture.Date).Judgements
            .Where(j => j.Verdict == Verdict.NotMet && j.Criterion.Test.Kind == TestKind.NoResponse).Select(j => j.Criterion.Id);
        Assert.Equal([criterion], failed);
    }

    [Fact]
    public void NoResponse_SanctionImposedInAbsence_Counts()
    {
        var policy = Fixture.Policy("[{ kind: mandatory-appearance, what: commission, in-absence: [{ kind: fine, amount: 50 EUR }] }]");
        var j = Judge(policy, "no-fines");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Contains("if the person does not appear", j.Finding);
    }

    [Fact]
    public void NoResponse_PrisonOnNonPayment_FailsOtherPenaltiesAndNamesTheEscalation()
    {
        var policy = Fixture.Policy("[{ kind: fine, amount: 500 USD, escalation: { rounding: end-of-month, steps: ["
            + "{ after: 1 month, multiply: 2 }, { after: 4 months, then: [{ kind: imprisonment, min: 2.5 years, max: 5 years }] }] } }]");
        var fines = Judge(policy, "no-fines");
        Assert.Contains("if unpaid: ×2 after 1 month, imprisonment 2.5 years to 5 years after 4 months", fines.Finding);
        var other = Judge(policy, "no-other-penalties");
        Assert.Equal(Verdict.NotMet, other.Verdict);
        Assert.Contains("imprisonment 2.5 years to 5 years if the fine is unpaid after 4 months", other.Finding);
    }

    [Fact]
    public void NoResponse_DiscretionaryPower_Counts()
    {
        var j = Judge(Fixture.Policy("[{ kind: fine, amount: 100 EUR, discretionary: true }]"), "no-fines");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Contains("may impose: fine 100 EUR", j.Finding);
    }

    [Fact]
    public void NoResponse_PoliceMayTest_FailsDrugTesting()
    {
        var policy = Fixture.Policy(police: "- { id: testing, instruction: may-test, by: statute, source: act }");
        var j = Judge(policy, "no-drug-testing");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Contains("may-test", j.Finding);
        Assert.Equal(Verdict.Met, Judge(Fixture.Policy(police: "- { id: testing, instruction: do-not-test, by: statute, source: act }"), "no-drug-testing").Verdict);
    }

    [Fact]
    public void NoResponse_SanctionOnlyForYoungPeople_IsNotMetAndSaysForWhom()
    {
        var policy = Fixture.Policy(possessionExceptions: "- { id: minors, when: { age: \"< 18\" }, source: act, then: [{ kind: compulsory-treatment }] }");
        var j = Judge(policy, "no-forced-treatment");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Equal("possession, use; cannabis-herb, cocaine, heroin, methamphetamine; young people (16); first contact, repeat contact", Assert.Single(j.Evidence).Encounters);
    }

    [Theory]
    [InlineData("criminal", "[criminal-charge, criminal-record]", Verdict.NotMet)]
    [InlineData("administrative", "[{ kind: fine, amount: 10 EUR, law: criminal }]", Verdict.NotMet)]
    [InlineData("administrative", "[{ kind: fine, amount: 10 EUR }]", Verdict.Met)]
    [InlineData("none", "[no-action]", Verdict.Met)]
    public void NotCriminal_UseAndPossession_CrimeOrCriminalConsequenceFails(string offence, string then, Verdict expected) =>
        Assert.Equal(expected, Judge(Fixture.Policy(then, offence), "not-criminal").Verdict);

    [Fact]
    public void NotCriminal_CrimeWhosePunishmentACourtWaives_IsStillNotMet()
    {
        var policy = Fixture.Policy("[criminal-charge]", "criminal",
            possessionExceptions: "- { id: waived, when: { dependent: true }, basis: court, source: act, then: [no-action] }");
        var j = Judge(policy, "not-criminal");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Contains("still a crime, though the court rule \"waived\" waives punishment", j.Finding);
    }

    [Theory]
    [InlineData("sharing-not-criminal", "sharing")]
    [InlineData("selling-not-criminal", "selling")]
    public void NotCriminal_SharingAndSelling_BothWaysAndUnknownWhenNotEncoded(string criterion, string conduct)
    {
        Assert.Equal(Verdict.Unknown, Judge(Fixture.Policy(), criterion).Verdict);
        var crime = Fixture.Policy(rules: $"- {{ id: other, conduct: [{conduct}], offence: criminal, source: act, then: [criminal-charge] }}");
        Assert.Equal(Verdict.NotMet, Judge(crime, criterion).Verdict);
        var none = Fixture.Policy(rules: $"- {{ id: other, conduct: [{conduct}], offence: none, source: act, then: [no-action] }}");
        Assert.Equal(Verdict.Met, Judge(none, criterion).Verdict);
    }

    private const string Above = "- { id: above, when: { quantity: above }, offence: criminal, source: act, then: [criminal-charge] }";

    [Theory]
    [InlineData("conclusive")]
    [InlineData("rebuttable")]
    public void NoCriminalThreshold_CrimeAboveTheThreshold_IsNotMetAndNamesTheThreshold(string meaning)
    {
        var policy = Fixture.Policy(thresholds: $"- {{ substances: [heroin, cocaine, methamphetamine, cannabis-herb], amount: 1 g, meaning: {meaning}, source: act }}", possessionExceptions: Above);
        var j = Judge(policy, "no-criminal-threshold");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Contains($"above 1 g of cannabis-herb, cocaine, heroin, methamphetamine ({meaning}), possession of 1.1 g heroin is a crime (rule above)", j.Finding);
        Assert.All(j.Evidence, e => Assert.Equal("act", e.Citation?.SourceId));
    }

    [Fact]
    public void NoCriminalThreshold_ThresholdWithoutCrimeAbove_IsMet()
    {
        var policy = Fixture.Policy(thresholds: "- { substances: [heroin, cocaine, methamphetamine, cannabis-herb], amount: 1 g, meaning: conclusive, source: act }",
            possessionExceptions: "- { id: above, when: { quantity: above }, source: act, then: [{ kind: fine, amount: 200 EUR }] }");
        Assert.Equal(Verdict.Met, Judge(policy, "no-criminal-threshold").Verdict);
    }

    [Fact]
    public void NoCriminalThreshold_SmallAmountAlreadyCriminal_IsNotMet()
    {
        var j = Judge(Fixture.Policy("[criminal-charge]", "criminal"), "no-criminal-threshold");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Contains("already a crime", j.Finding);
    }

    [Fact]
    public void NoDeemedSupply_RebuttablePresumptionMakingACrime_IsNotMet_ConclusiveIsNot()
    {
        var rebuttable = Fixture.Policy(thresholds: "- { substances: [heroin, cocaine, methamphetamine, cannabis-herb], amount: 1 g, meaning: rebuttable, source: act }", possessionExceptions: Above);
        var j = Judge(rebuttable, "no-deemed-supply");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Contains("unless the person proves it is for their own use", j.Finding);
        var conclusive = Fixture.Policy(thresholds: "- { substances: [heroin, cocaine, methamphetamine, cannabis-herb], amount: 1 g, meaning: conclusive, source: act }", possessionExceptions: Above);
        Assert.Equal(Verdict.Met, Judge(conclusive, "no-deemed-supply").Verdict);
    }

    [Fact]
    public void NoDeemedSupply_WhereSmallAmountsAreCrimesAnyway_ThePresumptionDecidesNothing()
    {
        var policy = Fixture.Policy("[criminal-charge]", "criminal", thresholds: "- { substances: [heroin, cocaine, methamphetamine, cannabis-herb], amount: 1 g, meaning: rebuttable, source: act }");
        Assert.Equal(Verdict.Met, Judge(policy, "no-deemed-supply").Verdict);
    }

    [Fact]
    public void LegalRegulation_LawfulWithSupplyForEveryDrug_IsMet_CannabisOnlyIsNot()
    {
        var all = Fixture.Policy("[no-action]", "lawful", supply: "- { id: shops, outlet: retail, substances: all, min-age: 18, source: act }");
        Assert.Equal(Verdict.Met, Judge(all, "legal-regulation").Verdict);
        var cannabis = Fixture.Policy("[no-action]", "administrative",
            possessionExceptions: "- { id: cannabis, when: { substance: cannabis }, offence: lawful, source: act, then: [no-action] }",
            supply: "- { id: shops, outlet: retail, substances: cannabis, min-age: 18, source: act }");
        var j = Judge(cannabis, "legal-regulation");
        Assert.Equal(Verdict.NotMet, j.Verdict);
        Assert.Equal("only cannabis-herb is legally regulated", j.Finding);
    }

    [Theory]
    [InlineData("in-place", Verdict.Met)]
    [InlineData("partial", Verdict.NotMet)]
    [InlineData("absent", Verdict.NotMet)]
    public void Fact_MeasureStatus_DecidesAndIsCited(string status, Verdict expected)
    {
        var policy = Fixture.Policy(measures: $"  - {{ measure: police-training, status: {status}, from: 2020-01-01, summary: Police were told., source: act, pinpoint: p. 3 }}");
        var j = Judge(policy, "police-training");
        Assert.Equal(expected, j.Verdict);
        Assert.Equal("p. 3", Assert.Single(j.Evidence).Citation?.Pinpoint);
    }

    [Fact]
    public void Fact_NoMeasureOrNotYetInForce_IsUnknown()
    {
        Assert.Equal(Verdict.Unknown, Judge(Fixture.Policy(), "police-training").Verdict);
        var later = Fixture.Policy(measures: "  - { measure: police-training, status: in-place, from: 2025-01-01, summary: Police were told., source: act }");
        Assert.Equal(Verdict.Unknown, Judge(later, "police-training").Verdict);
    }

    [Fact]
    public void Fact_UnverifiedMeasure_IsFlagged()
    {
        var policy = Fixture.Policy(measures: "  - { measure: expungement, status: in-place, from: 2020-01-01, summary: Records cleared., unverified: true, note: No source read. }");
        var j = Judge(policy, "expungement");
        Assert.True(j.Unverified);
    }

    [Fact]
    public void Assess_EveryCriterionOfTheBundledFrameworkIsJudged()
    {
        var a = Assessor.Assess(Fixture.Policy(), Fixture.Date);
        Assert.Equal(Criteria.Default.All.Select(c => c.Id), a.Judgements.Select(j => j.Criterion.Id));
        Assert.Equal(a.Judgements.Count, a.Scores.Sum(s => s.Total));
    }
}
