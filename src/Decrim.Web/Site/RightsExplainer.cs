using System.Globalization;
using Decrim.Evaluation;
using Decrim.Policies;
using Microsoft.Extensions.Localization;

namespace Decrim.Web.Site;

/// <summary>One thing that can happen, in plain words, with what it rests on.</summary>
public sealed record PlainStep(string Text, IReadOnlyList<string> Details, PlainBasis Basis, IReadOnlyList<PlainStep> Then);

/// <summary>The legal basis of a step, for a link: source title and pinpoint, whether the fact is confirmed.</summary>
public sealed record PlainBasis(string Rule, string LegalBasis, string? Title, string? Url, string? Pinpoint, bool Unverified);

/// <summary>A pathway told plainly: is it a crime, what can happen in order, what police may and may not do.</summary>
public sealed record PlainPathway(string Headline, string Severity, IReadOnlyList<PlainStep> Steps, IReadOnlyList<(string Text, PlainBasis Basis)> Police, Pathway Pathway);

/// <summary>
/// Turns a pathway into plain language for the know-your-rights page, in the reader's language: the words come from
/// the localised texts (<see cref="Text"/>); what only the policy file says (notes, source titles) stays as written.
/// </summary>
public sealed class RightsExplainer(IStringLocalizer<Text> t)
{
    public PlainPathway Explain(Pathway p)
    {
        var (headline, severity) = p.Offence switch
        {
            Offence.Lawful => (t["This is legal here, within the limits the law sets."], "lawful"),
            Offence.None => (t["This is not an offence here."], "none"),
            Offence.Administrative => (t["This is not a crime here, but it is an administrative offence: you can still be sanctioned."], "administrative"),
            _ when !p.Criminal => (t["This is still a crime here, but in this situation the law imposes no punishment."], "administrative"),
            _ => (t["This is a crime here."], "criminal"),
        };
        var steps = p.Consequences.Select(c => Step(p.Policy, c.Response, c.Rule, c.Escalation)).ToList();
        var police = p.Police.Select(n => (Police(n.Instruction.Instruction), Basis(p.Policy, n.Instruction.Citation, null, n.Instruction.By))).ToList();
        return new PlainPathway(headline, severity, steps, police, p);
    }

    private PlainStep Step(Policy policy, Response r, RuleNode rule, IReadOnlyList<EscalationEvent> escalation)
    {
        var details = new List<string>();
        if (!r.Amount.IsEmpty) details.Add(t["Amount: {0}", Range(r.Amount, m => Money(m))]);
        if (!r.Duration.IsEmpty) details.Add(t["Length: {0}", Range(r.Duration, Period)]);
        if (r.PayWithin is { } within) details.Add(t["To be paid within {0}.", Period(within)]);
        if (r.Expiable) details.Add(t["Paying it ends the matter: no criminal record."]);
        if (r.By is not null) details.Add(t["Decided by: {0}", r.By]);
        if (r.Note is not null) details.Add(r.Note);
        var then = new List<PlainStep>();
        foreach (var a in r.InAbsence)
            then.Add(new PlainStep(t["If you do not appear: {0}", Kind(a)], [], Basis(policy, a.Citation, rule, null), []));
        foreach (var e in escalation)
        {
            var what = e.Then.Select(Kind).ToList();
            if (e.AmountDue is { } due) what.Insert(0, t["the amount due becomes {0}", Money(due)]);
            then.Add(new PlainStep(t["If it is not paid by {0}: {1}", Day(e.Date), string.Join("; ", what)], [e.HowComputed], Basis(policy, e.Citation, rule, null), []));
        }
        return new PlainStep(Kind(r), details, Basis(policy, r.Citation, rule, null), then);
    }

    private string Kind(Response r)
    {
        string text = r.Kind switch
        {
            ResponseKind.NoAction => t["Nothing happens: no action is taken."],
            ResponseKind.Information => t["You are given information, for example about health services."],
            ResponseKind.Warning => t["A warning."],
            ResponseKind.Confiscation => t["The drugs are taken from you (confiscation)."],
            ResponseKind.VoluntaryReferral => t["You are offered help from health or social services; you may say no."],
            ResponseKind.MandatoryAppearance => t["You must appear before an authority."],
            ResponseKind.Fine => r.Criminal ? t["A fine under criminal law."] : t["A fine."],
            ResponseKind.CommunityService => t["Community service."],
            ResponseKind.Restriction => t["Restrictions on what you may do or where you may go."],
            ResponseKind.CriminalCharge => t["You are charged with a crime and the case can go to court."],
            ResponseKind.CriminalRecord => t["It goes on your criminal record."],
            ResponseKind.CompulsoryTreatment => t["Treatment you cannot refuse (compulsory treatment)."],
            ResponseKind.CompulsoryDetention => t["You are held in compulsory detention."],
            ResponseKind.LicenceRevocation => t["You can lose a licence, for example to drive."],
            ResponseKind.DrugTesting => t["You can be tested for drugs."],
            ResponseKind.RegistryEntry => t["You are entered in a register."],
            _ => t["Prison."],
        };
        return r.Discretionary ? t["Possible, not certain: {0}", text] : text;
    }

    private string Police(Instruction i) => i switch
    {
        Instruction.Deprioritise => t["Police are told to give this low priority."],
        Instruction.DoNotStop => t["Police are told not to stop you for this."],
        Instruction.DoNotSearch => t["Police are told not to search you for this."],
        Instruction.DoNotArrest => t["Police are told not to arrest you for this."],
        Instruction.DoNotSeize => t["Police are told not to take your drugs."],
        Instruction.DoNotTest => t["Police are told not to test you for drugs."],
        Instruction.DoNotProsecute => t["Prosecutors are told not to prosecute this."],
        Instruction.BenefitOfDoubt => t["If it is unclear whether you are dependent, police must assume you are."],
        Instruction.MayStop => t["Police may stop you."],
        Instruction.MaySearch => t["Police may search you."],
        Instruction.MayArrest => t["Police may arrest you."],
        Instruction.MaySeize => t["Police may take your drugs."],
        _ => t["Police may test you for drugs."],
    };

    private PlainBasis Basis(Policy policy, Citation c, RuleNode? rule, Basis? by)
    {
        var source = c.SourceId is { } id && policy.Sources.TryGetValue(id, out var s) ? s : null;
        var kind = rule?.Basis ?? by ?? Policies.Basis.Statute;
        var legal = kind switch
        {
            Policies.Basis.Statute => t["law"],
            Policies.Basis.Court => t["court ruling"],
            Policies.Basis.Prosecutorial => t["prosecution guideline"],
            _ => t["police instruction"],
        };
        return new PlainBasis(rule?.Id ?? "", legal, source?.Title, source?.Url, c.Pinpoint, c.Unverified);
    }

    private string Period(Period p)
    {
        var n = p.Value.ToString("0.##", CultureInfo.CurrentCulture);
        return (p.Unit, p.Value == 1) switch
        {
            (PeriodUnit.Hour, true) => t["{0} hour", n],
            (PeriodUnit.Hour, false) => t["{0} hours", n],
            (PeriodUnit.Day, true) => t["{0} day", n],
            (PeriodUnit.Day, false) => t["{0} days", n],
            (PeriodUnit.Week, true) => t["{0} week", n],
            (PeriodUnit.Week, false) => t["{0} weeks", n],
            (PeriodUnit.Month, true) => t["{0} month", n],
            (PeriodUnit.Month, false) => t["{0} months", n],
            (_, true) => t["{0} year", n],
            _ => t["{0} years", n],
        };
    }

    private static string Money(Money m) => m.Amount.ToString("#,0.##", CultureInfo.CurrentCulture) + " " + m.Currency;

    private string Range<T>(Policies.Range<T> range, Func<T, string> show) where T : struct => (range.Min, range.Max) switch
    {
        ({ } min, { } max) when EqualityComparer<T>.Default.Equals(min, max) => show(min),
        ({ } min, { } max) => t["{0} to {1}", show(min), show(max)],
        (null, { } max) => t["up to {0}", show(max)],
        ({ } min, null) => t["at least {0}", show(min)],
        _ => "",
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
