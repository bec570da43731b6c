using Decrim.Policies;

namespace Decrim.Evaluation;

/// <summary>
/// Answers "what happens to this person, found with this, here, on this date": picks the version in force,
/// resolves defaults and quantity findings, walks each substance down the rule tree (base rule, then the first
/// exception that applies, recursively) and lays out the consequences in order with their dates and sources.
/// </summary>
public static class Engine
{
    public static Pathway Evaluate(Policy policy, Encounter encounter)
    {
        var version = policy.VersionAt(encounter.Date)
            ?? throw new EvaluationException($"{policy.Code} has no version in force on {encounter.Date:yyyy-MM-dd}; its versions cover {Coverage(policy)}.");
        if (encounter.Items.Count == 0)
            throw new EvaluationException("name at least one substance (--substance).");
        var trace = new List<TraceStep>();
        var warnings = new List<string>();
        if (encounter.Date > version.Verified)
            warnings.Add($"{encounter.Date:yyyy-MM-dd} is after this version was last verified ({version.Verified:yyyy-MM-dd}); the law may have changed since.");

        var baseRule = version.Rules.FirstOrDefault(r => r.Conducts.Contains(encounter.Conduct))
            ?? throw new EvaluationException($"{policy.Code} version {version.Id} has no rule for {Words.Name(encounter.Conduct)}; it covers {string.Join(", ", version.Rules.SelectMany(r => r.Conducts).Select(Words.Name))}.");

        var dependent = ResolveDependence(version, encounter, trace);
        var purchase = ResolvePurchase(version, encounter, trace, warnings);
        if (encounter.Age is null)
            trace.Add(new TraceStep("defaults", "assumed", [], $"age not given: evaluated as an adult of {Encounter.AssumedAdultAge}"));

        var decisions = new List<Decision>();
        var itemFacts = new List<Facts>();
        foreach (var item in encounter.Items)
        {
            var findings = QuantityAssessment.Assess(version, encounter, item, warnings);
            foreach (var f in findings)
                trace.Add(new TraceStep($"threshold:{f.Tier}", Facts.Name(f.State), [], $"{item.Substance.Id}: {f.Explanation}"));
            var facts = new Facts(item.Substance.Id, encounter.Conduct, findings.ToDictionary(f => f.Tier, f => f.State),
                encounter.Age ?? Encounter.AssumedAdultAge, encounter.Age is not null, encounter.Prior, dependent,
                encounter.Resident, encounter.Place, encounter.Outlet, purchase);
            itemFacts.Add(facts);
            trace.Add(new TraceStep(baseRule.Id, "base rule", [], $"{item.Substance.Id}: {Words.Name(encounter.Conduct)} is governed by \"{baseRule.Id}\" ({Words.Name(baseRule.Offence)} offence, {Words.Name(baseRule.Basis)})"));
            var winner = Resolve(baseRule, facts, trace, item.Substance.Id);
            decisions.Add(new Decision(item.Substance.Id, winner, baseRule, findings.Select(f => $"{f.Tier}: {Facts.Name(f.State)}").ToList()));
        }

        var consequences = new List<Consequence>();
        foreach (var group in decisions.GroupBy(d => d.Rule))
        {
            var substances = group.Select(d => d.Substance).ToList();
            foreach (var response in group.Key.Then)
                consequences.Add(new Consequence(response, group.Key, substances, Escalate(response, encounter.Date)));
        }
        var police = version.Police
            .Where(p => itemFacts.Any(f => f.Satisfies(p.When)))
            .Select(p => new PoliceNote(p)).ToList();
        foreach (var c in consequences.Select(c => c.Response.Citation).Concat(decisions.Select(d => d.Rule.Citation)).Distinct().Where(c => c.Unverified))
            warnings.Add($"{Pathway.UnverifiedWarning}: {c.Note}");

        return new Pathway
        {
            Policy = policy,
            Version = version,
            Encounter = encounter,
            Criminal = consequences.Any(c => c.Response.Criminal),
            Offence = decisions.Select(d => d.Rule.Offence).Min(),
            Consequences = consequences,
            Police = police,
            Trace = trace,
            Warnings = warnings.Distinct().ToList(),
            Decisions = decisions,
        };
    }

    /// <summary>Default logic: the first exception whose condition holds overrides its parent, recursively.</summary>
    private static RuleNode Resolve(RuleNode node, Facts facts, List<TraceStep> trace, string substance)
    {
        foreach (var exception in node.Exceptions)
        {
            var reads = facts.Check(exception.When).ToList();
            if (!exception.Conducts.Contains(facts.Conduct))
                reads.Insert(0, new Reading("conduct", string.Join("|", exception.Conducts.Select(Words.Name)), Words.Name(facts.Conduct), false));
            if (reads.All(r => r.Holds))
            {
                trace.Add(new TraceStep(exception.Id, $"overrides {node.Id}", reads,
                    $"{substance}: exception \"{exception.Id}\" applies ({Words.Name(exception.Basis)}, {exception.Citation})"));
                return Resolve(exception, facts, trace, substance);
            }
            var failed = reads.First(r => !r.Holds);
            trace.Add(new TraceStep(exception.Id, "does not apply", reads,
                $"{substance}: {failed.Variable} is {failed.Actual}, the exception needs {failed.Required}"));
        }
        return node;
    }

    private static bool ResolveDependence(PolicyVersion version, Encounter encounter, List<TraceStep> trace)
    {
        switch (encounter.Dependence)
        {
            case Dependence.Dependent: return true;
            case Dependence.NotDependent: return false;
        }
        var doubt = version.Police.FirstOrDefault(p => p.Instruction == Instruction.BenefitOfDoubt);
        if (doubt is not null)
        {
            trace.Add(new TraceStep(doubt.Id, "applies", [new Reading("dependent", "stated", "not stated", false)],
                $"dependence not stated: treated as dependent, because doubt about dependence favours the person ({doubt.Citation})"));
            return true;
        }
        trace.Add(new TraceStep("defaults", "assumed", [], "dependence not stated: treated as not dependent (this version gives no benefit of the doubt)"));
        return false;
    }

    private static PurchaseStatus ResolvePurchase(PolicyVersion version, Encounter encounter, List<TraceStep> trace, List<string> warnings)
    {
        if (encounter.Conduct != Conduct.Purchase) return PurchaseStatus.None;
        var substance = encounter.Items[0].Substance.Id;
        var outlet = version.Supply.FirstOrDefault(o => o.Type == encounter.Outlet && o.Substances.Contains(substance));
        if (outlet is null)
        {
            trace.Add(new TraceStep("supply", "no-outlet", [], $"no regulated {(encounter.Outlet is { } t ? Words.Name(t) : "")} outlet sells {substance} under {version.Id}"));
            return PurchaseStatus.NoOutlet;
        }
        var age = encounter.Age ?? Encounter.AssumedAdultAge;
        if (outlet.MinAge is { } min && age < min)
        {
            trace.Add(new TraceStep(outlet.Id, "not-eligible", [new Reading("age", $">= {min}", age.ToString(System.Globalization.CultureInfo.InvariantCulture), false)], $"the outlet sells only to people aged {min} or over ({outlet.Citation})"));
            return PurchaseStatus.NotEligible;
        }
        if (outlet.Residency && !encounter.Resident)
        {
            trace.Add(new TraceStep(outlet.Id, "not-eligible", [new Reading("resident", "yes", "no", false)], $"the outlet sells only to residents ({outlet.Citation})"));
            return PurchaseStatus.NotEligible;
        }
        var bought = encounter.Bought ?? encounter.Items[0].Amount
            ?? throw new EvaluationException("give the amount bought (--bought 30g) for a purchase.");
        var window = encounter.Window ?? new Period(1, PeriodUnit.Day);
        foreach (var limit in outlet.Limits)
        {
            if (!limit.Amount.IsComparableWith(bought))
                throw new EvaluationException($"the outlet's limit is {limit.Amount} per {limit.Per}; give the amount bought in {limit.Amount.Unit.Symbol}.");
            var over = bought.CompareTo(limit.Amount) > 0;
            var reading = new Reading($"bought in {window}", $"<= {limit.Amount} per {limit.Per}", bought.ToString(), !over);
            if (over && window.ApproximateDays <= limit.Per.ApproximateDays)
            {
                trace.Add(new TraceStep(outlet.Id, "over-limit", [reading], $"{bought} within {window} exceeds {limit.Amount} per {limit.Per} ({limit.Citation})"));
                return PurchaseStatus.OverLimit;
            }
            if (over)
                warnings.Add($"{bought} over {window} exceeds {limit.Amount} per {limit.Per} in total, but the window is longer than the limit's period, so whether any single {limit.Per} was exceeded cannot be told.");
            else if (window.ApproximateDays < limit.Per.ApproximateDays)
                warnings.Add($"the limit is {limit.Amount} per {limit.Per} but only {window} of purchases were given; purchases earlier in the {limit.Per} count too.");
            trace.Add(new TraceStep(outlet.Id, "within limit", [reading], $"{bought} within {window} against {limit.Amount} per {limit.Per} ({limit.Citation})"));
        }
        return PurchaseStatus.Authorised;
    }

    /// <summary>Dates each escalation step of a fine from the issue date (the encounter's date) or from the due date.</summary>
    internal static IReadOnlyList<EscalationEvent> Escalate(Response response, DateOnly issued)
    {
        if (response.Escalation is not { } escalation) return [];
        var events = new List<EscalationEvent>();
        var due = response.PayWithin is { } pw ? pw.AddTo(issued, escalation.Rounding).Date : issued;
        var amount = response.Amount.Max ?? response.Amount.Min;
        foreach (var step in escalation.Steps)
        {
            var start = step.FromDue ? due : issued;
            var (date, how) = step.After.AddTo(start, escalation.Rounding);
            var label = step.FromDue ? $"due date {due:yyyy-MM-dd}" : $"issued {issued:yyyy-MM-dd}";
            if (step.Multiply is { } m && amount is { } a) amount = a.Times(m);
            events.Add(new EscalationEvent(date, $"{label}; {how}", step.Multiply is null ? null : amount, step.Then, step.Citation, step.Note));
        }
        return events;
    }

    private static string Coverage(Policy policy) =>
        policy.Versions.Count == 0 ? "no dates" : $"{policy.Versions[0].From:yyyy-MM-dd} to {(policy.Versions[^1].To is { } t ? t.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "the present")}";
}
