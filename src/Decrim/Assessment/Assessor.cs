using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Assessment;

/// <summary>
/// Judges a policy against criteria. Computed criteria read the pathways of a fixed set of standard encounters —
/// use and possession (and sharing and selling) of a small amount of heroin, cocaine, methamphetamine and cannabis,
/// by an adult, a dependent adult and a 16-year-old, at first and at repeat contact, in public — and the version's
/// thresholds and supply. Every response counts wherever it appears: as the response itself, as what a body may
/// impose in a person's absence, or as a step when a fine goes unpaid; a discretionary power counts too.
/// Fact criteria read the policy file's cited <c>measures</c>. Nothing is weighted and nothing unknown is guessed.
/// </summary>
public static class Assessor
{
    internal static readonly string[] Substances = ["heroin", "cocaine", "methamphetamine", "cannabis-herb"];

    internal static readonly (string Label, int Age, Dependence Dependence)[] Populations =
        [("adults", 30, Dependence.NotDependent), ("dependent adults", 30, Dependence.Dependent), ("young people (16)", 16, Dependence.NotDependent)];

    private static readonly (string Label, int Prior)[] Contacts = [("first contact", 0), ("repeat contact", 2)];

    private static readonly Conduct[] Conducts = [Conduct.Use, Conduct.Possession, Conduct.Sharing, Conduct.Selling];

    public static Assessment Assess(Policy policy, DateOnly date, Criteria? criteria = null)
    {
        criteria ??= Criteria.Default;
        var version = policy.VersionAt(date)
            ?? throw new EvaluationException($"{policy.Code} has no version in force on {date:yyyy-MM-dd}.");
        var situations = Standard(policy, version, date);
        var judgements = criteria.All.Select(c => Judge(c, policy, version, date, situations)).ToList();
        return new Assessment(policy, version, date, criteria, judgements);
    }

    /// <summary>Each version assessed at its first day: how a jurisdiction's standing changed (Norway 2004 → 2022).</summary>
    public static IReadOnlyList<Assessment> Timeline(Policy policy, Criteria? criteria = null) =>
        policy.Versions.Select(v => Assess(policy, v.From, criteria)).ToList();

    /// <summary>One standard encounter and its pathway (null when the policy has no rule for it).</summary>
    internal sealed record Situation(Conduct Conduct, string Substance, string Population, string Contact, Encounter Encounter, Pathway? Pathway);

    private static List<Situation> Standard(Policy policy, PolicyVersion version, DateOnly date)
    {
        var list = new List<Situation>();
        foreach (var conduct in Conducts)
            foreach (var id in Substances)
            {
                var substance = SubstanceVocabulary.Shared[id];
                foreach (var (population, age, dependence) in Populations)
                    foreach (var (contact, prior) in Contacts)
                    {
                        var encounter = new Encounter
                        {
                            Date = date, Conduct = conduct, Age = age, Dependence = dependence, Prior = prior, Place = Place.Public,
                            Items = [new Item(substance, Probe.SmallAmount(version, substance))],
                        };
                        list.Add(new Situation(conduct, id, population, contact, encounter, Probe.TryEvaluate(policy, encounter)));
                    }
            }
        return list;
    }

    private static Judgement Judge(Criterion c, Policy policy, PolicyVersion version, DateOnly date, List<Situation> situations) => c.Test.Kind switch
    {
        TestKind.NoResponse => NoResponse(c, policy, situations),
        TestKind.NotCriminal => NotCriminal(c, policy, situations),
        TestKind.NoCriminalThreshold => NoCriminalThreshold(c, policy, version, date),
        TestKind.NoDeemedSupply => NoDeemedSupply(c, policy, version, date),
        TestKind.LegalRegulation => LegalRegulation(c, policy, version, situations),
        _ => Fact(c, policy, date),
    };

    private static Judgement NoResponse(Criterion c, Policy policy, List<Situation> all)
    {
        var conducts = c.Test.Conducts.Count > 0 ? c.Test.Conducts : new HashSet<Conduct> { Conduct.Use, Conduct.Possession };
        var asked = all.Where(s => conducts.Contains(s.Conduct)).ToList();
        var answered = asked.Where(s => s.Pathway is not null).ToList();
        if (answered.Count == 0)
            return new Judgement(c, Verdict.Unknown, $"the policy has no rule for {Names(conducts)} on this date", [], false);
        var hits = new Hits();
        foreach (var s in answered)
        {
            var p = s.Pathway!;
            foreach (var (response, rule, context) in Responses(p))
                if (c.Test.Responses.Contains(response.Kind))
                    hits.Add($"{Short(response)}{(context is null ? "" : " " + context)}", rule.Id, response.Citation, s);
            foreach (var note in p.Police)
                if (c.Test.Police.Contains(note.Instruction.Instruction))
                    hits.Add($"police instruction \"{Words.Name(note.Instruction.Instruction)}\" ({Words.Name(note.Instruction.By)})", note.Instruction.Id, note.Instruction.Citation, s);
        }
        var looked = string.Join(", ", c.Test.Responses.Select(k => k.Name()).Concat(c.Test.Police.Select(Words.Name)));
        if (hits.Count > 0)
            return new Judgement(c, Verdict.NotMet, $"found {string.Join("; ", hits.Texts)}", hits.Evidence(), hits.Unverified);
        var deciding = Deciding(answered);
        return new Judgement(c, Verdict.Met, $"no {looked} in the pathways of {answered.Count} standard encounters ({Names(conducts)})",
            deciding.Evidence(), answered.Any(s => s.Pathway!.ReliesOnUnverified));
    }

    private static Judgement NotCriminal(Criterion c, Policy policy, List<Situation> all)
    {
        var asked = all.Where(s => c.Test.Conducts.Contains(s.Conduct)).ToList();
        var answered = asked.Where(s => s.Pathway is not null).ToList();
        if (answered.Count == 0)
            return new Judgement(c, Verdict.Unknown, $"the policy file does not say how {Names(c.Test.Conducts)} is treated on this date", [], false);
        var hits = new Hits();
        foreach (var s in answered)
        {
            var p = s.Pathway!;
            if (!IsCriminal(p)) continue;
            foreach (var d in p.Decisions.Where(d => d.Rule.Offence == Offence.Criminal || p.Criminal))
                hits.Add(CrimeText(p, d.Rule), d.Rule.Id, d.Rule.Citation, s);
        }
        if (hits.Count > 0)
            return new Judgement(c, Verdict.NotMet, $"{Names(c.Test.Conducts)}: {string.Join("; ", hits.Texts)}", hits.Evidence(), hits.Unverified);
        var deciding = Deciding(answered);
        var partial = answered.Count < asked.Count ? $" ({asked.Count - answered.Count} of {asked.Count} encounters have no rule)" : "";
        return new Judgement(c, Verdict.Met, $"{Names(c.Test.Conducts)} of a small amount is not a crime in any of {answered.Count} standard encounters{partial}",
            deciding.Evidence(), answered.Any(s => s.Pathway!.ReliesOnUnverified));
    }

    private static Judgement NoCriminalThreshold(Criterion c, Policy policy, PolicyVersion version, DateOnly date)
    {
        var hits = new Hits();
        var clear = new Hits();
        var any = false;
        foreach (var id in Substances)
        {
            var substance = SubstanceVocabulary.Shared[id];
            foreach (var (population, age, dependence) in Populations.Take(2))
            {
                Encounter At(Quantity amount) => Probe.Possession(date, substance, amount, age, dependence);
                var small = Probe.SmallAmount(version, substance);
                var situation = new Situation(Conduct.Possession, id, population, "first contact", At(small), null);
                if (Probe.TryEvaluate(policy, At(small)) is not { } p) continue;
                any = true;
                if (IsCriminal(p))
                {
                    hits.Add($"possession of {small} {id} is already a crime, with no threshold to protect it (rule {p.Decisions[0].Rule.Id})", p.Decisions[0].Rule.Id, p.Decisions[0].Rule.Citation, situation);
                    continue;
                }
                var limits = Probe.Limits(version, substance).ToList();
                foreach (var (threshold, above) in limits)
                {
                    if (Probe.TryEvaluate(policy, At(above)) is not { } q) continue;
                    if (IsCriminal(q))
                        hits.Add($"above {threshold.Describe()}, possession of {above} {id} is a crime (rule {q.Decisions[0].Rule.Id})", q.Decisions[0].Rule.Id, threshold.Citation, situation);
                    else
                        clear.Add($"above {threshold.Describe()}, possession of {above} {id} is still not a crime", q.Decisions[0].Rule.Id, threshold.Citation, situation);
                }
                if (limits.Count == 0)
                {
                    var large = new Quantity(substance.Probe.Value * 10, substance.Probe.Unit);
                    if (Probe.TryEvaluate(policy, At(large)) is not { } q) continue;
                    if (IsCriminal(q))
                        hits.Add($"no threshold is set, yet possession of {large} {id} (ten times the one-day amount) is a crime (rule {q.Decisions[0].Rule.Id})", q.Decisions[0].Rule.Id, q.Decisions[0].Rule.Citation, situation);
                    else
                        clear.Add($"no threshold decides; possession of {large} {id} (ten times the one-day amount) is not a crime", q.Decisions[0].Rule.Id, q.Decisions[0].Rule.Citation, situation);
                }
            }
        }
        if (!any) return new Judgement(c, Verdict.Unknown, "the policy has no rule for possession on this date", [], false);
        return hits.Count > 0
            ? new Judgement(c, Verdict.NotMet, string.Join("; ", hits.Texts), hits.Evidence(), hits.Unverified)
            : new Judgement(c, Verdict.Met, "no quantity makes possession for one's own use a crime", clear.Evidence(), clear.Unverified);
    }

    private static Judgement NoDeemedSupply(Criterion c, Policy policy, PolicyVersion version, DateOnly date)
    {
        var hits = new Hits();
        var rebuttable = 0;
        foreach (var id in Substances)
        {
            var substance = SubstanceVocabulary.Shared[id];
            foreach (var (population, age, dependence) in Populations.Take(2))
            {
                Encounter At(Quantity amount) => Probe.Possession(date, substance, amount, age, dependence);
                // A presumption matters only where it changes the answer: below the threshold no crime, above it a crime unless rebutted.
                if (Probe.TryEvaluate(policy, At(Probe.SmallAmount(version, substance))) is not { } small || IsCriminal(small)) continue;
                foreach (var (threshold, above) in Probe.Limits(version, substance).Where(l => l.Threshold.Meaning == ThresholdMeaning.Rebuttable))
                {
                    rebuttable++;
                    if (Probe.TryEvaluate(policy, At(above)) is not { } p || !IsCriminal(p)) continue;
                    var shown = Probe.TryEvaluate(policy, At(above) with { Rebutted = true });
                    var unless = shown is not null && !IsCriminal(shown) ? " unless the person proves it is for their own use" : "";
                    hits.Add($"above {threshold.Describe()}, possession of {above} {id} is presumed not for own use and is a crime{unless} (rule {p.Decisions[0].Rule.Id})",
                        p.Decisions[0].Rule.Id, threshold.Citation, new Situation(Conduct.Possession, id, population, "first contact", At(above), p));
                }
            }
        }
        if (hits.Count > 0) return new Judgement(c, Verdict.NotMet, string.Join("; ", hits.Texts), hits.Evidence(), hits.Unverified);
        return new Judgement(c, Verdict.Met, rebuttable == 0
            ? "no rebuttable threshold turns possession that is otherwise not a crime into one"
            : "rebuttable thresholds exist, but above them possession is still not a crime", [], false);
    }

    private static Judgement LegalRegulation(Criterion c, Policy policy, PolicyVersion version, List<Situation> all)
    {
        var adults = all.Where(s => s.Conduct == Conduct.Possession && s.Population == "adults" && s.Contact == "first contact" && s.Pathway is not null).ToList();
        if (adults.Count == 0) return new Judgement(c, Verdict.Unknown, "the policy has no rule for possession on this date", [], false);
        var evidence = new List<Evidence>();
        var regulated = new List<string>();
        foreach (var s in adults)
        {
            var lawful = s.Pathway!.Offence == Offence.Lawful;
            var outlets = version.Supply.Where(o => o.Substances.Contains(s.Substance)).ToList();
            if (lawful && outlets.Count > 0) regulated.Add(s.Substance);
            var what = lawful ? outlets.Count > 0 ? $"lawful, from {string.Join(", ", outlets.Select(o => Words.Name(o.Type)))}" : "lawful to possess, but no regulated supply" : $"not lawful ({Words.Name(s.Pathway.Offence)} offence)";
            evidence.Add(new Evidence($"{s.Substance}: {what}", s.Pathway.Decisions[0].Rule.Id,
                outlets.Count > 0 && lawful ? outlets[0].Citation : s.Pathway.Decisions[0].Rule.Citation, null));
        }
        var met = regulated.Count == adults.Count;
        var finding = met ? "every probed drug is lawful for adults, from a regulated supply"
            : regulated.Count == 0 ? "no drug is legally regulated" : $"only {string.Join(", ", regulated)} is legally regulated";
        return new Judgement(c, met ? Verdict.Met : Verdict.NotMet, finding, evidence, false);
    }

    private static Judgement Fact(Criterion c, Policy policy, DateOnly date)
    {
        var kind = c.Test.Measure!.Value;
        if (policy.MeasureAt(kind, date) is not { } m)
            return new Judgement(c, Verdict.Unknown, $"the policy file states no cited fact about \"{Words.Name(kind)}\" on this date", [], false);
        var verdict = m.Status == MeasureStatus.InPlace ? Verdict.Met : Verdict.NotMet;
        var status = m.Status switch { MeasureStatus.InPlace => "in place", MeasureStatus.Partial => "only in part", _ => "absent" };
        return new Judgement(c, verdict, $"{status}: {m.Summary}", [new Evidence($"{m.Summary}{(m.Note is null ? "" : $" ({m.Note})")} Stated from {m.From:yyyy-MM-dd}{(m.To is { } to ? $" until {to.AddDays(-1):yyyy-MM-dd}" : "")}.", null, m.Citation, null)], m.Citation.Unverified);
    }

    /// <summary>Every response of a pathway with the rule that imposes it and when it applies: at once, in the person's absence, or on non-payment.</summary>
    internal static IEnumerable<(Response Response, RuleNode Rule, string? Context)> Responses(Pathway p)
    {
        foreach (var c in p.Consequences)
        {
            yield return (c.Response, c.Rule, null);
            foreach (var a in c.Response.InAbsence) yield return (a, c.Rule, "if the person does not appear");
            foreach (var step in c.Response.Escalation?.Steps ?? [])
                foreach (var r in step.Then) yield return (r, c.Rule, $"if the fine is unpaid after {step.After}");
        }
    }

    internal static bool IsCriminal(Pathway p) => p.Criminal || p.Offence == Offence.Criminal;

    private static string CrimeText(Pathway p, RuleNode rule)
    {
        var kinds = string.Join(", ", p.Consequences.Where(x => x.Rule == rule).Select(x => Short(x.Response)));
        var waived = rule.Offence == Offence.Criminal && !p.Criminal
            ? $"still a crime, though the {Words.Name(rule.Basis)} rule \"{rule.Id}\" waives punishment"
            : $"a crime under rule \"{rule.Id}\" ({Words.Name(rule.Basis)})";
        return kinds.Length == 0 ? waived : $"{waived}: {kinds}";
    }

    /// <summary>A response in a few words: kind, amount or duration, what, and on non-payment what follows.</summary>
    internal static string Short(Response r)
    {
        var s = r.Kind.Name().Replace('-', ' ');
        if (r.Kind == ResponseKind.Fine && r.Criminal) s = "criminal fine";
        if (!r.Amount.IsEmpty) s += " " + r.Amount;
        if (!r.Duration.IsEmpty) s += " " + r.Duration;
        if (r.What is not null) s += $" ({r.What})";
        if (r.Discretionary) s = "may impose: " + s;
        if (r.Escalation is { Steps.Count: > 0 } e)
            s += "; if unpaid: " + string.Join(", ", e.Steps.Select(step =>
                (step.Multiply is { } m ? $"×{m:0.##}" : "") + (step.Then.Count > 0 ? (step.Multiply is null ? "" : ", ") + string.Join(" and ", step.Then.Select(Short)) : "")
                + $" after {step.After}"));
        return s;
    }

    private static string Names(IEnumerable<Conduct> conducts) => string.Join(" or ", conducts.Select(Words.Name));

    private static Hits Deciding(List<Situation> answered)
    {
        var deciding = new Hits();
        foreach (var s in answered)
            foreach (var d in s.Pathway!.Decisions)
                deciding.Add($"decided by rule \"{d.Rule.Id}\" ({Words.Name(d.Rule.Offence)} offence, {Words.Name(d.Rule.Basis)})", d.Rule.Id, d.Rule.Citation, s);
        return deciding;
    }

    /// <summary>Findings grouped by what was found, each with the standard encounters it appeared in.</summary>
    private sealed class Hits
    {
        private readonly List<(string Text, string? Rule, Citation Citation, SortedSet<string>[] Where)> _items = [];

        public int Count => _items.Count;
        public IEnumerable<string> Texts => _items.Select(i => i.Text).Distinct();
        public bool Unverified => _items.Any(i => i.Citation.Unverified);

        public void Add(string text, string? rule, Citation citation, Situation s)
        {
            var i = _items.FindIndex(x => x.Text == text && x.Rule == rule);
            if (i < 0)
            {
                _items.Add((text, rule, citation, [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)]));
                i = _items.Count - 1;
            }
            var where = _items[i].Where;
            where[0].Add(Words.Name(s.Conduct));
            where[1].Add(s.Substance);
            where[2].Add(s.Population);
            where[3].Add(s.Contact);
        }

        public List<Evidence> Evidence() => _items.Select(i => new Evidence(i.Text, i.Rule, i.Citation,
            string.Join("; ", i.Where.Select(set => string.Join(", ", set))))).ToList();
    }
}
