using Decrim.Policies;

namespace Decrim.Assessment;

/// <summary>How a jurisdiction stands against one criterion. <see cref="Unknown"/> is never counted as either.</summary>
public enum Verdict { Met, NotMet, Unknown }

/// <summary>
/// Something that decides a criterion: a response, a rule, a threshold or a stated fact, with its source, and the
/// standard encounters in which it appeared (empty for a fact).
/// </summary>
public sealed record Evidence(string Text, string? Rule, Citation? Citation, string? Encounters);

/// <summary>One criterion judged: the verdict, a one-sentence finding, the evidence, and whether it rests on a fact the file marks unverified.</summary>
public sealed record Judgement(Criterion Criterion, Verdict Verdict, string Finding, IReadOnlyList<Evidence> Evidence, bool Unverified);

/// <summary>Counts for one group: no weights, and unknown shown beside met and not met.</summary>
public sealed record GroupScore(CriterionGroup Group, int Met, int NotMet, int Unknown)
{
    public int Total => Met + NotMet + Unknown;
}

/// <summary>A jurisdiction on a date judged against every criterion of a framework.</summary>
public sealed record Assessment(Policy Policy, PolicyVersion Version, DateOnly Date, Criteria Criteria, IReadOnlyList<Judgement> Judgements)
{
    public IReadOnlyList<GroupScore> Scores => Criteria.Groups.Select(g =>
    {
        var js = Judgements.Where(j => j.Criterion.Group == g.Id).ToList();
        return new GroupScore(g, js.Count(j => j.Verdict == Verdict.Met), js.Count(j => j.Verdict == Verdict.NotMet), js.Count(j => j.Verdict == Verdict.Unknown));
    }).ToList();

    public int Count(Verdict verdict) => Judgements.Count(j => j.Verdict == verdict);

    /// <summary>The core criteria (sanctions, control, thresholds) that are not met: what keeps the jurisdiction from full decriminalisation.</summary>
    public IReadOnlyList<Judgement> Shortfalls => Judgements.Where(j => Criteria.GroupOf(j.Criterion).Core && j.Verdict == Verdict.NotMet).ToList();

    /// <summary>Met when every core criterion is met; not met when any is not; unknown otherwise.</summary>
    public Verdict FullyDecriminalised
    {
        get
        {
            var core = Judgements.Where(j => Criteria.GroupOf(j.Criterion).Core).ToList();
            if (core.Any(j => j.Verdict == Verdict.NotMet)) return Verdict.NotMet;
            return core.All(j => j.Verdict == Verdict.Met) ? Verdict.Met : Verdict.Unknown;
        }
    }
}

public static class Verdicts
{
    public static string Name(this Verdict v) => v switch { Verdict.Met => "met", Verdict.NotMet => "not-met", _ => "unknown" };
    public static string Title(this Verdict v) => v switch { Verdict.Met => "met", Verdict.NotMet => "not met", _ => "unknown" };
}
