using Decrim.Assessment;
using Decrim.Classification;
using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Comparison;

/// <summary>The standard situations every comparison puts to each jurisdiction.</summary>
public enum Case
{
    /// <summary>A dependent adult with one day's supply of heroin (the vocabulary's one-day amount).</summary>
    DependentAdultHeroin,
    /// <summary>A 16-year-old with a small amount of cannabis.</summary>
    YoungPersonCannabis,
    /// <summary>An adult with slightly more than the jurisdiction's own threshold (ten per cent more).</summary>
    AboveThreshold,
    /// <summary>An adult who is fined and cannot pay: what follows, with dates.</summary>
    CannotPay,
}

/// <summary>What one jurisdiction does in one case: the encounter put to it, in words, and the pathway (or why there is none).</summary>
public sealed record Cell(Case Case, string Asked, Pathway? Pathway, string Outcome);

/// <summary>One jurisdiction's column: its version on the date, its model, its assessment and its answer to each case.</summary>
public sealed record Column(Policy Policy, PolicyVersion Version, Classification.Classification? Model, Assessment.Assessment Assessment, IReadOnlyList<Cell> Cells);

/// <summary>Jurisdictions side by side on one date (<c>decrim compare PT NO CZ</c>).</summary>
public sealed record Comparison(DateOnly Date, IReadOnlyList<Column> Columns)
{
    public static Comparison Of(IReadOnlyList<Policy> policies, DateOnly date, Criteria? criteria = null)
    {
        var columns = new List<Column>();
        foreach (var policy in policies)
        {
            var version = policy.VersionAt(date)
                ?? throw new EvaluationException($"{policy.Code} has no version in force on {date:yyyy-MM-dd}.");
            Classification.Classification? model;
            try { model = Classifier.Classify(policy, date); }
            catch (EvaluationException) { model = null; }
            var cells = Enum.GetValues<Case>().Select(c => Answer(c, policy, version, date)).ToList();
            columns.Add(new Column(policy, version, model, Assessor.Assess(policy, date, criteria), cells));
        }
        return new Comparison(date, columns);
    }

    public static string Title(Case c) => c switch
    {
        Case.DependentAdultHeroin => "A dependent adult with one day's supply of heroin",
        Case.YoungPersonCannabis => "A 16-year-old with a small amount of cannabis",
        Case.AboveThreshold => "An adult with slightly more than the threshold",
        _ => "An adult who is fined and cannot pay",
    };

    public static string Name(Case c) => c switch
    {
        Case.DependentAdultHeroin => "dependent-adult-heroin",
        Case.YoungPersonCannabis => "young-person-cannabis",
        Case.AboveThreshold => "above-threshold",
        _ => "cannot-pay",
    };

    private static Cell Answer(Case c, Policy policy, PolicyVersion version, DateOnly date)
    {
        var heroin = SubstanceVocabulary.Shared["heroin"];
        var cannabis = SubstanceVocabulary.Shared["cannabis-herb"];
        switch (c)
        {
            case Case.DependentAdultHeroin:
                return Evaluated(c, policy, Probe.Possession(date, heroin, heroin.Probe, dependence: Dependence.Dependent), $"possession of {heroin.Probe} heroin, dependent, 30");
            case Case.YoungPersonCannabis:
            {
                var amount = Probe.SmallAmount(version, cannabis);
                return Evaluated(c, policy, Probe.Possession(date, cannabis, amount, age: 16), $"possession of {amount} cannabis, aged 16");
            }
            case Case.AboveThreshold:
            {
                foreach (var id in Assessor.Substances)
                {
                    var substance = SubstanceVocabulary.Shared[id];
                    var limit = Probe.Limits(version, substance).OrderBy(l => l.Threshold.Tier == Threshold.DefaultTier ? 0 : 1).FirstOrDefault();
                    if (limit.Threshold is null) continue;
                    return Evaluated(c, policy, Probe.Possession(date, substance, limit.Above), $"possession of {limit.Above} {id}, just above {limit.Threshold.Describe()}");
                }
                var large = new Quantity(heroin.Probe.Value * 10, heroin.Probe.Unit);
                return Evaluated(c, policy, Probe.Possession(date, heroin, large), $"no threshold decides; possession of {large} heroin (ten days' supply)");
            }
            default:
            {
                foreach (var id in Assessor.Substances)
                {
                    var substance = SubstanceVocabulary.Shared[id];
                    var encounter = Probe.Possession(date, substance, Probe.SmallAmount(version, substance));
                    var p = Probe.TryEvaluate(policy, encounter);
                    var fine = p?.Consequences.FirstOrDefault(x => x.Response.Kind == ResponseKind.Fine);
                    if (p is null || fine is null) continue;
                    return new Cell(c, $"possession of {encounter.Items[0].Amount} {id}, fined, does not pay", p, Unpaid(fine));
                }
                return new Cell(c, "possession of a small amount by an adult", null, "no fine for possession of a small amount of heroin, cocaine, methamphetamine or cannabis");
            }
        }
    }

    private static Cell Evaluated(Case c, Policy policy, Encounter encounter, string asked)
    {
        try
        {
            var p = Engine.Evaluate(policy, encounter);
            return new Cell(c, asked, p, Outcome(p));
        }
        catch (EvaluationException e) { return new Cell(c, asked, null, "not answered: " + e.Message); }
    }

    /// <summary>The offence and what follows, in order, with what a body may impose in the person's absence.</summary>
    internal static string Outcome(Pathway p)
    {
        var steps = p.Consequences.Select(x => Assessor.Short(x.Response)
            + (x.Response.InAbsence.Count > 0 ? $" (if the person does not appear: {string.Join(", ", x.Response.InAbsence.Select(Assessor.Short))})" : ""));
        var waived = p.Offence == Offence.Criminal && !p.Criminal ? ", punishment waived" : "";
        return $"{Words.Name(p.Offence)} offence{waived} (rule {string.Join(", ", p.Decisions.Select(d => d.Rule.Id).Distinct())}): {string.Join(" → ", steps.DefaultIfEmpty("nothing follows"))}";
    }

    /// <summary>A fine and, dated from the encounter, each step that follows non-payment.</summary>
    private static string Unpaid(Consequence fine)
    {
        var text = Assessor.Short(fine.Response with { Escalation = null });
        if (fine.Escalation.Count == 0)
            return text + (fine.Response.Expiable ? "; paying ends the matter; what follows non-payment is not encoded" : "; what follows non-payment is not encoded");
        return text + "; unpaid: " + string.Join("; ", fine.Escalation.Select(e =>
            $"{e.Date:yyyy-MM-dd} " + string.Join(", ", new[] { e.AmountDue is { } due ? $"{due} due" : null }
                .Concat(e.Then.Select(Assessor.Short)).OfType<string>())));
    }
}
