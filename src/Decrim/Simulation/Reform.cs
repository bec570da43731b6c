using Decrim.Policies;

namespace Decrim.Simulation;

/// <summary>
/// An alternative to the baseline, as data (OpenFisca's reforms are the model): start from the baseline's policy
/// or another jurisdiction's (<see cref="Policy"/>), optionally hold the version in force on <see cref="AsOf"/>
/// over the whole horizon (a later or earlier version of the law), then apply <see cref="Changes"/> in order.
/// </summary>
public sealed record Reform
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Another jurisdiction's policy to start from; the baseline's when null.</summary>
    public string? Policy { get; init; }
    public DateOnly? AsOf { get; init; }
    public IReadOnlyList<ReformChange> Changes { get; init; } = [];
    public IReadOnlyDictionary<string, Source> Sources { get; init; } = new Dictionary<string, Source>();
    public required string File { get; init; }

    /// <summary>The policy this reform describes, given the baseline's and a way to load another jurisdiction's.</summary>
    public SimulatedPolicy Apply(Policy baseline, Func<string, Policy> load)
    {
        var policy = Policy is { } code ? load(code) : baseline;
        var versions = policy.Versions.AsEnumerable();
        if (AsOf is { } date)
        {
            var held = policy.VersionAt(date)
                ?? throw new SimulationException($"{File}: {policy.Code} has no version in force on {date:yyyy-MM-dd} (\"as-of\").");
            versions = [Copy(held, new DateOnly(1900, 1, 1), null, held.Thresholds, held.Rules)];
        }
        foreach (var change in Changes) versions = versions.Select(change.Apply).ToList();
        var description = string.Join("; ", new[]
        {
            Policy is null ? $"{baseline.Code}" : $"{policy.Code} ({policy.Name}) instead of {baseline.Code}",
            AsOf is { } a ? $"the version in force on {a:yyyy-MM-dd} held over the whole horizon" : null,
        }.Concat(Changes.Select(c => c.Describe())).OfType<string>());
        return new SimulatedPolicy(Name, description, new Policy
        {
            Code = policy.Code, Name = policy.Name, Currency = policy.Currency, Sources = policy.Sources,
            Versions = [.. versions], Measures = policy.Measures, File = File,
        });
    }

    internal static PolicyVersion Copy(PolicyVersion v, DateOnly from, DateOnly? to, IReadOnlyList<Threshold> thresholds, IReadOnlyList<RuleNode> rules) => new()
    {
        Id = v.Id, From = from, To = to, Decided = v.Decided, Published = v.Published, Basis = v.Basis, Verified = v.Verified,
        Summary = v.Summary, Citation = v.Citation, Thresholds = thresholds, Rules = rules, Police = v.Police, Supply = v.Supply, Position = v.Position,
    };
}

/// <summary>One change a reform makes to every version of a policy, with where the proposal comes from.</summary>
public abstract record ReformChange(Provenance Provenance)
{
    internal abstract PolicyVersion Apply(PolicyVersion version);
    public abstract string Describe();

    /// <summary>Rebuilds a rule tree, changing each node's consequences (and those inside escalations and absences) with <paramref name="change"/>.</summary>
    private protected static IReadOnlyList<RuleNode> MapRules(IReadOnlyList<RuleNode> rules, string? ruleId, Func<IReadOnlyList<Response>, IReadOnlyList<Response>> change) =>
        [.. rules.Select(r => MapRule(r, ruleId, change))];

    private static RuleNode MapRule(RuleNode node, string? ruleId, Func<IReadOnlyList<Response>, IReadOnlyList<Response>> change)
    {
        var then = ruleId is null || node.Id == ruleId ? Deep(node.Then, change) : node.Then;
        return new RuleNode
        {
            Id = node.Id, Conducts = node.Conducts, When = node.When, Path = node.Path, Offence = node.Offence, Basis = node.Basis,
            Then = then.Count == 0 ? [new Response { Kind = ResponseKind.NoAction, Criminal = false, Note = "every consequence removed by the reform" }] : then,
            Citation = node.Citation, Note = node.Note, Position = node.Position, Depth = node.Depth,
            Exceptions = [.. node.Exceptions.Select(e => MapRule(e, ruleId, change))],
        };
    }

    private static IReadOnlyList<Response> Deep(IReadOnlyList<Response> responses, Func<IReadOnlyList<Response>, IReadOnlyList<Response>> change) =>
        [.. change(responses).Select(r => r with
        {
            InAbsence = Deep(r.InAbsence, change),
            Escalation = r.Escalation is { } e ? e with { Steps = [.. e.Steps.Select(s => s with { Then = Deep(s.Then, change) })] } : null,
        })];
}

/// <summary>Sets the threshold of the listed substances (in <see cref="Tier"/>) to <see cref="Amount"/>, adding one with <see cref="Meaning"/> where a version has none.</summary>
public sealed record SetThreshold(IReadOnlySet<string> Substances, Quantity Amount, string Tier, ThresholdMeaning Meaning, Provenance Provenance) : ReformChange(Provenance)
{
    internal override PolicyVersion Apply(PolicyVersion version)
    {
        var thresholds = new List<Threshold>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in version.Thresholds)
        {
            var mine = t.Shape == ThresholdShape.PerSubstance && t.Tier == Tier ? t.Substances.Intersect(Substances).ToHashSet() : [];
            if (mine.Count == 0) { thresholds.Add(t); continue; }
            covered.UnionWith(mine);
            var rest = t.Substances.Except(mine).ToHashSet();
            if (rest.Count > 0) thresholds.Add(t with { Substances = rest });
            thresholds.Add(t with { Substances = mine, Amount = Amount, Note = "set by the reform" });
        }
        var missing = Substances.Except(covered).ToHashSet();
        if (missing.Count > 0)
            thresholds.Add(new Threshold(Tier, ThresholdShape.PerSubstance, missing, Amount, null, Meaning,
                new HashSet<Conduct> { Conduct.Use, Conduct.Possession }, new Citation(null, null, false, null), "added by the reform", version.Position));
        return Reform.Copy(version, version.From, version.To, thresholds, version.Rules);
    }

    public override string Describe() => $"threshold for {string.Join(", ", Substances.Order(StringComparer.Ordinal))} set to {Amount}{(Tier == Threshold.DefaultTier ? "" : $" (tier {Tier})")}";
}

/// <summary>Sets the amount of every fine (of <see cref="Rule"/>, or of all rules) to <see cref="Amount"/>.</summary>
public sealed record SetFine(string? Rule, Money Amount, Provenance Provenance) : ReformChange(Provenance)
{
    internal override PolicyVersion Apply(PolicyVersion version) =>
        Reform.Copy(version, version.From, version.To, version.Thresholds, MapRules(version.Rules, Rule,
            list => [.. list.Select(r => r.Kind == ResponseKind.Fine ? r with { Amount = new Range<Money>(Amount, Amount) } : r)]));

    public override string Describe() => $"fines{(Rule is null ? "" : $" of rule {Rule}")} set to {Amount}";
}

/// <summary>Removes every response of <see cref="Kind"/> (from <see cref="Rule"/>, or from all rules), including inside escalations.</summary>
public sealed record RemoveResponse(string? Rule, ResponseKind Kind, Provenance Provenance) : ReformChange(Provenance)
{
    internal override PolicyVersion Apply(PolicyVersion version) =>
        Reform.Copy(version, version.From, version.To, version.Thresholds, MapRules(version.Rules, Rule,
            list => [.. list.Where(r => r.Kind != Kind)]));

    public override string Describe() => $"{Kind.Name()} removed{(Rule is null ? "" : $" from rule {Rule}")}";
}
