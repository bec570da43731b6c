using Decrim.Assessment;

namespace Decrim.Tests.Assessment;

/// <summary>The catalogue judged: what issue 4 asks the assessment to show about real jurisdictions.</summary>
public partial class AssessorTest
{
    private static Decrim.Assessment.Assessment Catalogue(string code, string date) =>
        Assessor.Assess(Repo.Catalogue.Get(code), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    private static Judgement Of(Decrim.Assessment.Assessment a, string criterion) => a.Judgements.Single(j => j.Criterion.Id == criterion);

    [Fact]
    public void Kyrgyzstan2020_NotFullyDecriminalised_FineDoublesThenPrison()
    {
        var a = Catalogue("KG", "2020-06-01");
        Assert.Equal(Verdict.NotMet, a.FullyDecriminalised);
        var fines = Of(a, "no-fines");
        Assert.Equal(Verdict.NotMet, fines.Verdict);
        Assert.Contains("fine 500 USD; if unpaid: ×2 after 1 month, ×2 after 3 months", fines.Finding);
        var prison = Of(a, "no-other-penalties");
        Assert.Equal(Verdict.NotMet, prison.Verdict);
        Assert.Contains("imprisonment 2.5 years to 5 years if the fine is unpaid", prison.Finding);
        Assert.Contains(a.Shortfalls, j => j.Criterion.Id == "no-fines");
    }

    [Fact]
    public void Vietnam_NotFullyDecriminalised_CompulsoryDetentionNamed()
    {
        var a = Catalogue("VN", "2024-06-01");
        Assert.Equal(Verdict.NotMet, a.FullyDecriminalised);
        var detention = Of(a, "no-compulsory-detention");
        Assert.Equal(Verdict.NotMet, detention.Verdict);
        Assert.Contains("compulsory detention", detention.Finding);
        Assert.Contains(detention.Evidence, e => e.Encounters!.Contains("dependent adults", StringComparison.Ordinal));
    }

    [Fact]
    public void Portugal_NotFullyDecriminalised_DissuasionCommissionAndSanctionsInAbsence()
    {
        var a = Catalogue("PT", "2024-06-01");
        Assert.Equal(Verdict.NotMet, a.FullyDecriminalised);
        var commission = Of(a, "no-mandatory-appearance");
        Assert.Equal(Verdict.NotMet, commission.Verdict);
        Assert.Contains("Dissuasion", commission.Finding);
        foreach (var id in new[] { "no-fines", "no-rights-revocation", "no-other-penalties" })
        {
            var j = Of(a, id);
            Assert.Equal(Verdict.NotMet, j.Verdict);
            Assert.Contains("if the person does not appear", j.Finding);
        }
        Assert.Equal(Verdict.Met, Of(a, "not-criminal").Verdict);
    }

    [Theory]
    [InlineData("CR", "2024-06-01")]
    [InlineData("UY", "2024-06-01")]
    public void CostaRicaAndUruguay_MeetEverySanctionsCriterion(string code, string date)
    {
        var a = Catalogue(code, date);
        var sanctions = a.Judgements.Where(j => j.Criterion.Group == "sanctions").ToList();
        Assert.Equal(6, sanctions.Count);
        Assert.All(sanctions, j => Assert.True(j.Verdict == Verdict.Met, $"{code} {j.Criterion.Id}: {j.Finding}"));
        // Still not fully decriminalised: drugs are seized, and selling a small amount is a crime.
        Assert.Equal(Verdict.NotMet, Of(a, "no-confiscation").Verdict);
        Assert.Equal(Verdict.NotMet, a.FullyDecriminalised);
    }

    [Fact]
    public void Norway_Timeline_ShowsEachVersionAndWhatChanged()
    {
        var series = Assessor.Timeline(Repo.Catalogue.Get("NO"));
        Assert.Equal(["statute-2000", "dpp-letter-2021", "supreme-court-2022", "dpp-letter-2022", "advisory-units-2022"], series.Select(a => a.Version.Id));
        Assert.Equal(Verdict.Met, Of(series[0], "no-mandatory-appearance").Verdict);
        Assert.Equal(Verdict.NotMet, Of(series[^1], "no-mandatory-appearance").Verdict);
        Assert.DoesNotContain(Of(series[1], "not-criminal").Evidence, e => e.Rule == "dependent-own-use");
        Assert.Contains(Of(series[2], "not-criminal").Evidence, e => e.Rule == "dependent-own-use" && e.Text.Contains("court rule", StringComparison.Ordinal));
        var text = AssessmentReport.TimelineText(series);
        Assert.Contains("2022-04-08 supreme-court-2022:", text);
        Assert.Contains("No dissuasion commissions or mandatory assessments: met → not met", text);
    }

    [Fact]
    public void Catalogue_EveryJurisdictionAssessesAtEveryVersion()
    {
        foreach (var policy in Repo.Catalogue.All())
            foreach (var a in Assessor.Timeline(policy))
            {
                Assert.Equal(Criteria.Default.All.Count, a.Judgements.Count);
                Assert.All(a.Judgements, j => Assert.False(string.IsNullOrWhiteSpace(j.Finding), $"{policy.Code} {a.Version.Id} {j.Criterion.Id}"));
                Assert.All(a.Judgements.Where(j => j.Verdict == Verdict.NotMet && j.Criterion.Test.Kind.IsComputed()),
                    j => Assert.NotEmpty(j.Evidence));
            }
    }
}
