namespace Decrim.Policies;

/// <summary>
/// One jurisdiction's drug law over time: an ISO 3166 code (<c>NO</c>, <c>US-OR</c>, <c>CA-BC</c>), its sources and
/// its dated versions in order. Built only by <see cref="PolicyReader"/>, which validates it; immutable after that.
/// </summary>
public sealed class Policy
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? Currency { get; init; }
    public required IReadOnlyDictionary<string, Source> Sources { get; init; }
    public required IReadOnlyList<PolicyVersion> Versions { get; init; }
    /// <summary>Cited facts about measures around the law (training, monitoring, involvement …), in file order.</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];
    public required string File { get; init; }

    public PolicyVersion? VersionAt(DateOnly date) => Versions.FirstOrDefault(v => v.Covers(date));

    /// <summary>The fact about <paramref name="kind"/> that holds on <paramref name="date"/>, if the file states one.</summary>
    public Measure? MeasureAt(MeasureKind kind, DateOnly date) => Measures.FirstOrDefault(m => m.Kind == kind && m.Covers(date));

    /// <summary>Every citation in the policy, with what it supports: for the catalogue's coverage figures.</summary>
    public IEnumerable<(string Fact, Citation Citation)> Facts()
    {
        foreach (var v in Versions)
        {
            yield return ($"{Code} {v.Id}: version", v.Citation);
            foreach (var t in v.Thresholds) yield return ($"{Code} {v.Id}: threshold {t.Describe()}", t.Citation);
            foreach (var node in v.Rules.SelectMany(r => r.SelfAndDescendants()))
            {
                yield return ($"{Code} {v.Id}: rule {node.Id}", node.Citation);
                foreach (var r in node.Then.SelectMany(Flatten))
                {
                    yield return ($"{Code} {v.Id}: rule {node.Id}: {r.Kind.Name()}", r.Citation);
                    foreach (var step in r.Escalation?.Steps ?? [])
                        yield return ($"{Code} {v.Id}: rule {node.Id}: {r.Kind.Name()} escalation after {step.After}", step.Citation);
                }
            }
            foreach (var p in v.Police) yield return ($"{Code} {v.Id}: police {p.Id}", p.Citation);
            foreach (var o in v.Supply)
            {
                yield return ($"{Code} {v.Id}: outlet {o.Id}", o.Citation);
                foreach (var l in o.Limits) yield return ($"{Code} {v.Id}: outlet {o.Id}: limit {l.Amount} per {l.Per}", l.Citation);
            }
        }
        foreach (var m in Measures) yield return ($"{Code}: measure {Words.Name(m.Kind)} from {m.From:yyyy-MM-dd}", m.Citation);
    }

    private static IEnumerable<Response> Flatten(Response r) =>
        r.InAbsence.SelectMany(Flatten)
            .Concat(r.Escalation?.Steps.SelectMany(s => s.Then.SelectMany(Flatten)) ?? [])
            .Prepend(r);
}
