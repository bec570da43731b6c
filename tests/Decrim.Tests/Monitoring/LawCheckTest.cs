using Decrim.Evaluation;
using Decrim.Monitoring;

namespace Decrim.Tests.Monitoring;

public sealed class LawCheckTest
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static ReportFindings Check(string code, string week, string[] acts, string? substance, string? amount, string? dependence = null, string? fine = null)
    {
        var input = new ReportInput
        {
            Jurisdiction = code, Week = week, Setting = "street", Authority = "police",
            Acts = acts.Select(a => new ActInput(a, Amount: a == "fine" ? fine : null)).ToList(),
            Carried = substance is null ? [] : [new ItemInput(substance, amount)], Dependence = dependence,
        };
        var report = input.Parse(Today, Repo.Catalogue.Codes().ToHashSet(), out var errors);
        Assert.True(report is not null, string.Join("; ", errors));
        return LawCheck.Compare(report, Repo.Catalogue.Get(code));
    }

    private static Finding Of(ReportFindings f, ActKind kind) => f.Acts.Single(a => a.Act.Kind == kind).Finding;

    [Fact]
    public void Norway_DependentSearchedAndFined_IsBeyondTheInstructions()
    {
        var f = Check("NO", "2026-W40", ["stopped", "searched-body", "searched-phone", "fine"], "heroin", "2g", "dependent");
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Stopped));
        var body = f.Acts.Single(a => a.Act.Kind == ActKind.SearchedBody);
        Assert.Equal(Finding.BeyondTheLaw, body.Finding);
        Assert.Equal("no-search-dependent", body.Rule); // not the instruction about phones
        Assert.Equal("no-phone-search", f.Acts.Single(a => a.Act.Kind == ActKind.SearchedPhone).Rule);
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Fine));
        Assert.True(f.AnyBeyondTheLaw);
        Assert.All(f.Acts, a => Assert.False(string.IsNullOrWhiteSpace(a.Basis)));
    }

    [Fact]
    public void Norway_NotDependent_BodySearchIsNotCoveredByThePhoneInstruction()
    {
        var f = Check("NO", "2026-W40", ["searched-body", "searched-phone"], "heroin", "2g", "not-dependent");
        Assert.Equal(Finding.NotCovered, Of(f, ActKind.SearchedBody));
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.SearchedPhone));
    }

    [Fact]
    public void BritishColumbia_UnderTheExemption_FineArrestAndSeizureAreBeyondTheLaw()
    {
        var f = Check("CA-BC", "2024-W10", ["fine", "arrest", "confiscation", "referral-voluntary"], "cocaine", "1g");
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Fine));
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Arrest));
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Confiscation));
        Assert.Equal(Finding.ProvidedByLaw, Of(f, ActKind.ReferralVoluntary));
    }

    [Fact]
    public void Portugal_CommissionAndSeizureProvided_DetentionBeyond()
    {
        var f = Check("PT", "2025-W10", ["confiscation", "referral-mandatory", "detention", "arrest"], "cocaine", "1g");
        Assert.Equal(Finding.ProvidedByLaw, Of(f, ActKind.Confiscation));
        Assert.Equal(Finding.ProvidedByLaw, Of(f, ActKind.ReferralMandatory));
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Detention)); // detention where the law provides an administrative process
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Arrest));
    }

    [Fact]
    public void Sweden_CriminalOffence_ArrestAndFineProvided_DetentionNotCovered()
    {
        var f = Check("SE", "2025-W10", ["arrest", "fine", "detention"], "cannabis-herb", "1g");
        Assert.Equal(Finding.ProvidedByLaw, Of(f, ActKind.Arrest));
        Assert.Equal(Finding.ProvidedByLaw, Of(f, ActKind.Fine));
        Assert.Equal(Finding.ProvidedByLaw, Of(f, ActKind.Detention)); // imprisonment up to 6 months is provided
    }

    [Fact]
    public void FineAboveTheLegalMaximum_IsBeyondTheLaw()
    {
        // Vietnam 2025: a criminal fine of up to VND 500 million (art 249(5)).
        var within = Check("VN", "2025-W10", ["fine"], "heroin", "0.5g", fine: "1000000 VND");
        var above = Check("VN", "2025-W10", ["fine"], "heroin", "0.5g", fine: "900000000 VND");
        Assert.Equal(Finding.ProvidedByLaw, Of(within, ActKind.Fine));
        Assert.Equal(Finding.BeyondTheLaw, Of(above, ActKind.Fine));
        Assert.Contains("above the legal maximum", above.Acts[0].Reason);
    }

    [Fact]
    public void Abuse_IsAlwaysBeyondTheLaw_AndNothingElseIsGuessedWithoutASubstance()
    {
        var f = Check("NO", "2026-W40", ["bribe", "violence", "fine", "stopped"], null, null);
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Bribe));
        Assert.Equal(Finding.BeyondTheLaw, Of(f, ActKind.Violence));
        Assert.Equal(Finding.NotCovered, Of(f, ActKind.Fine));
        Assert.Equal(Finding.NotCovered, Of(f, ActKind.Stopped));
        Assert.Null(f.Offence);
        Assert.Contains("not said", f.LawProvides);
    }

    [Fact]
    public void OutingAndDeniedServices_AreNotCoveredByDrugLaw()
    {
        var f = Check("PT", "2025-W10", ["outed-to-employer", "service-denied"], "cocaine", "1g");
        Assert.All(f.Acts, a => Assert.Equal(Finding.NotCovered, a.Finding));
    }
}
