using Decrim.Evaluation;
using Decrim.Policies;

namespace Decrim.Monitoring;

/// <summary>How one reported act stands against the law: the finding, a sentence saying why, and the rule and source behind it.</summary>
public sealed record ActFinding(Act Act, Finding Finding, string Reason, string? Rule = null, string? Basis = null);

/// <summary>A report set against the law of its jurisdiction and week: which version applied, what the law provides, and a finding per act.</summary>
public sealed record ReportFindings(string? Version, Offence? Offence, string LawProvides, IReadOnlyList<ActFinding> Acts)
{
    public bool AnyBeyondTheLaw => Acts.Any(a => a.Finding == Finding.BeyondTheLaw);
}

/// <summary>
/// Compares what was done with what the law provides. The encounter is evaluated by the same engine that answers
/// "what happens to this person", for the Monday of the reported week; each act is then matched against the pathway's
/// consequences and the police instructions that applied. Where the policy says nothing, the act is "not covered":
/// absence of a rule is never read as permission or prohibition.
/// </summary>
public static class LawCheck
{
    public static ReportFindings Compare(Report report, Policy? policy)
    {
        if (policy is null) return Uncovered(report, null, "the catalogue has no policy for this jurisdiction");
        var version = policy.VersionAt(report.Week.Monday);
        if (version is null) return Uncovered(report, null, $"the catalogue has no version of {policy.Code}'s law for {report.Week}");
        if (report.Encounter() is not { } encounter) return Uncovered(report, version.Id, "what was carried was not said, so the law could not be applied");
        Pathway pathway;
        try { pathway = Engine.Evaluate(policy, encounter); }
        catch (EvaluationException e) { return Uncovered(report, version.Id, e.Message.TrimEnd('.')); }

        var provides = pathway.Consequences.Count == 0
            ? "no consequence"
            : string.Join("; ", pathway.Consequences.Select(c => Provision(c.Response)));
        var acts = report.Acts.Select(a => Check(a, pathway, provides)).ToList();
        return new ReportFindings(version.Id, pathway.Offence, provides, acts);
    }

    private static ReportFindings Uncovered(Report report, string? version, string why) =>
        new(version, null, why, report.Acts.Select(a => Abuse(a) ?? new ActFinding(a, Finding.NotCovered, why + ".")).ToList());

    /// <summary>Violence, threats, bribes and extortion are provided for by no drug law anywhere in the catalogue.</summary>
    private static ActFinding? Abuse(Act a) => a.Kind is ActKind.Violence or ActKind.Threat or ActKind.Bribe or ActKind.Extortion
        ? new ActFinding(a, Finding.BeyondTheLaw, $"no drug law provides for {a.Kind.Name()}.")
        : null;

    private static ActFinding Check(Act act, Pathway p, string provides)
    {
        if (Abuse(act) is { } abuse) return abuse;
        var decision = p.Decisions.FirstOrDefault();
        var noSanction = p.Offence is Offence.Lawful or Offence.None;
        return act.Kind switch
        {
            ActKind.Stopped => ByInstruction(act, p, Instruction.DoNotStop, Instruction.MayStop, "stops"),
            ActKind.SearchedBody or ActKind.SearchedStrip or ActKind.SearchedPhone or ActKind.SearchedHome =>
                ByInstruction(act, p, Instruction.DoNotSearch, Instruction.MaySearch, "searches"),
            ActKind.DrugTest => Forbidden(act, p, Instruction.DoNotTest)
                ?? Provided(act, p, ResponseKind.DrugTesting)
                ?? Allowed(act, p, Instruction.MayTest)
                ?? new(act, Finding.NotCovered, "the policy says nothing about drug tests here."),
            ActKind.Confiscation => Forbidden(act, p, Instruction.DoNotSeize)
                ?? (p.Offence == Offence.Lawful ? Beyond(act, p, decision, $"possession is lawful here ({provides}), so there is nothing to confiscate.") : null)
                ?? Provided(act, p, ResponseKind.Confiscation)
                ?? Allowed(act, p, Instruction.MaySeize)
                ?? new(act, Finding.NotCovered, "the policy says nothing about confiscation here."),
            ActKind.Warning => Provided(act, p, ResponseKind.Warning)
                ?? new(act, Finding.NotCovered, $"the law provides {provides}; it says nothing about a warning."),
            ActKind.Fine => Fine(act, p, decision, noSanction, provides),
            ActKind.Arrest => Forbidden(act, p, Instruction.DoNotArrest)
                ?? (p.Criminal ? new ActFinding(act, Finding.ProvidedByLaw, "the conduct is a crime here, for which police may arrest.", decision?.Rule.Id, Cite(p, decision?.Rule.Citation)) : null)
                ?? Allowed(act, p, Instruction.MayArrest)
                ?? Beyond(act, p, decision, $"the conduct is not a crime here; the law provides {provides}."),
            ActKind.ReferralVoluntary => Provided(act, p, ResponseKind.VoluntaryReferral, ResponseKind.Information, ResponseKind.MandatoryAppearance)
                ?? new(act, Finding.NotCovered, $"the law provides {provides}; it says nothing about a referral."),
            ActKind.ReferralMandatory => Provided(act, p, ResponseKind.MandatoryAppearance, ResponseKind.CompulsoryTreatment)
                ?? (noSanction ? Beyond(act, p, decision, $"the law provides {provides}, not an obligation to attend.") : null)
                ?? new(act, Finding.NotCovered, $"the law provides {provides}; it says nothing about a mandatory referral."),
            ActKind.CompulsoryTreatment => Provided(act, p, ResponseKind.CompulsoryTreatment, ResponseKind.CompulsoryDetention)
                ?? Beyond(act, p, decision, $"the law provides {provides}, not compulsory treatment."),
            ActKind.Detention => Provided(act, p, ResponseKind.CompulsoryDetention, ResponseKind.Imprisonment)
                ?? (p.Consequences.FirstOrDefault(c => c.Response.Kind == ResponseKind.CriminalCharge && !c.Response.Duration.IsEmpty) is { } charge
                    ? new ActFinding(act, Finding.ProvidedByLaw, $"the law provides {Provision(charge.Response)}, a term of imprisonment.", charge.Rule.Id, Cite(p, charge.Basis))
                    : null)
                ?? (p.Criminal ? new ActFinding(act, Finding.NotCovered, $"the conduct is a crime here; the policy gives {provides} and says nothing about holding a person before trial.") : null)
                ?? Beyond(act, p, decision, $"detention where the law provides {provides}."),
            _ => new(act, Finding.NotCovered, $"the drug law says nothing about {act.Kind.Name().Replace('-', ' ')}."),
        };
    }

    private static ActFinding Fine(Act act, Pathway p, Decision? decision, bool noSanction, string provides)
    {
        if (noSanction) return Beyond(act, p, decision, $"the law provides no fine here: {provides}.");
        var fines = p.Consequences.Where(c => c.Response.Kind == ResponseKind.Fine).ToList();
        if (fines.Count == 0)
            return p.Criminal
                ? new(act, Finding.NotCovered, $"the conduct is a crime here; the policy gives {provides} and does not say whether a court may fine.")
                : Beyond(act, p, decision, $"the law provides {provides}, not a fine.");
        var fine = fines[0];
        if (act.Amount is { } paid && fines.All(f => f.Response.Amount.Max is { } max && max.Currency == paid.Currency && paid.Amount > max.Amount))
            return new(act, Finding.BeyondTheLaw, $"the fine of {paid.Amount} {paid.Currency} is above the legal maximum of {fine.Response.Amount.Max}.",
                fine.Rule.Id, Cite(p, fine.Basis));
        return new(act, Finding.ProvidedByLaw, $"the law provides {Provision(fine.Response)}.", fine.Rule.Id, Cite(p, fine.Basis));
    }

    private static ActFinding ByInstruction(Act act, Pathway p, Instruction forbid, Instruction allow, string what) =>
        Forbidden(act, p, forbid) ?? Allowed(act, p, allow) ?? new(act, Finding.NotCovered, $"the policy says nothing about {what} here.");

    private static ActFinding? Forbidden(Act act, Pathway p, Instruction forbid) =>
        Applicable(act, p, forbid) is { } note
            ? new(act, Finding.BeyondTheLaw, $"an instruction ({Words.Name(note.Instruction.By).Replace('-', ' ')}) says: {Words.Name(forbid).Replace('-', ' ')}{(note.Instruction.Note is { } n ? " — " + n.TrimEnd('.') : "")}.",
                note.Instruction.Id, Cite(p, note.Instruction.Citation))
            : null;

    private static ActFinding? Allowed(Act act, Pathway p, Instruction allow) =>
        Applicable(act, p, allow) is { } note
            ? new(act, Finding.ProvidedByLaw, $"an instruction ({Words.Name(note.Instruction.By).Replace('-', ' ')}) says: {Words.Name(allow).Replace('-', ' ')}.",
                note.Instruction.Id, Cite(p, note.Instruction.Citation))
            : null;

    private static readonly string[] SearchKinds = ["body", "strip", "phone", "home"];

    /// <summary>
    /// The instruction of this kind that applies to the act. Instructions about searches may be narrower than "searches":
    /// an instruction whose id names a kind of search (<c>no-phone-search</c>) covers that kind only, so a body search is
    /// never held against an instruction about phones.
    /// </summary>
    private static PoliceNote? Applicable(Act act, Pathway p, Instruction instruction)
    {
        var candidates = p.Police.Where(n => n.Instruction.Instruction == instruction);
        var kind = act.Kind switch
        {
            ActKind.SearchedBody => "body", ActKind.SearchedStrip => "strip", ActKind.SearchedPhone => "phone", ActKind.SearchedHome => "home", _ => null,
        };
        if (kind is null) return candidates.FirstOrDefault();
        bool Names(PoliceNote n, string k) => n.Instruction.Id.Split('-').Contains(k, StringComparer.Ordinal);
        return candidates.FirstOrDefault(n => Names(n, kind)) ?? candidates.FirstOrDefault(n => !SearchKinds.Any(k => Names(n, k)));
    }

    /// <summary>A consequence in a few words, without notes: "fine 1000 to 15000 NOK", "criminal charge: Penal Code § 231, up to 2 years".</summary>
    public static string Provision(Response r)
    {
        var text = r.Kind.Name().Replace('-', ' ');
        if (r.Discretionary) text = "possibly " + text;
        if (r.Kind == ResponseKind.Fine && r.Criminal) text += " (criminal)";
        if (r.What is not null && r.Kind is not (ResponseKind.NoAction or ResponseKind.Information)) text += ": " + r.What;
        if (!r.Amount.IsEmpty) text += " " + r.Amount;
        if (!r.Duration.IsEmpty) text += (r.What is null ? " " : ", ") + r.Duration;
        return text;
    }

    private static ActFinding? Provided(Act act, Pathway p, params ResponseKind[] kinds) =>
        p.Consequences.FirstOrDefault(c => kinds.Contains(c.Response.Kind)) is { } c
            ? new(act, Finding.ProvidedByLaw, $"the law provides {Provision(c.Response)}.", c.Rule.Id, Cite(p, c.Basis))
            : null;

    private static ActFinding Beyond(Act act, Pathway p, Decision? decision, string reason) =>
        new(act, Finding.BeyondTheLaw, reason, decision?.Rule.Id, Cite(p, decision?.Rule.Citation));

    private static string? Cite(Pathway p, Citation? c) => c is { } citation ? PathwayText.Cite(p.Policy, citation) : null;
}
