using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Batch;

public sealed partial class CompiledPolicy
{
    /// <summary>
    /// The largest row amount (millionths of <paramref name="unit"/>) still within <paramref name="threshold"/>:
    /// the row is above exactly when its amount is greater. Computed in decimal and checked by multiplication,
    /// so it agrees with the engine's decimal comparison to the last millionth.
    /// </summary>
    internal static long LargestAmountNotAbove(Quantity threshold, Unit unit, bool inclusive)
    {
        var bound = threshold.InBase * EncounterFlags.AmountScale;
        var per = unit.ToBase;
        var q = decimal.Floor(bound / per);
        bool Within(decimal a) => inclusive ? a * per <= bound : a * per < bound;
        while (!Within(q)) q--;
        while (Within(q + 1)) q++;
        return q >= long.MaxValue ? long.MaxValue : (long)q;
    }

    /// <summary>
    /// Specialises each (version, conduct, substance): exceptions whose substance or conduct can never match are
    /// dropped, thresholds become integer limits in each unit the row may use, and conditions become masks.
    /// </summary>
    private sealed class Builder
    {
        public readonly List<RuleNode> Rules = [];
        public readonly List<int> RuleVersion = [];
        public int[] SpecIndex = [];
        public readonly List<Spec> Specs = [];
        public readonly List<SpecNode> Nodes = [];
        public readonly List<PoliceCheck> Police = [];
        public readonly List<QuantityProgram> Quantity = [];
        public readonly List<int> OutletIndex = [];
        public readonly List<PurchaseProgram> Purchase = [];
        public readonly List<PurchaseLimitCheck> PurchaseLimits = [];
        public readonly List<string[]> Tiers = [];
        public readonly List<PathwayCode> Table = [];
        public readonly List<int> AgeKeys = [];
        public readonly List<int> PriorKeys = [];
        private readonly Dictionary<string, int> _tables = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _ageKeyRuns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _priorKeyRuns = new(StringComparer.Ordinal);
        private readonly Dictionary<RuleNode, int> _ruleIndex = new(ReferenceEqualityComparer.Instance);

        private int _maxTableEntries;

        public static Builder Build(Policy policy, int maxTableEntries)
        {
            var b = new Builder { _maxTableEntries = maxTableEntries };
            var substances = SubstanceVocabulary.Shared.All;
            b.SpecIndex = new int[policy.Versions.Count * ConductCount * substances.Count];
            for (var v = 0; v < policy.Versions.Count; v++)
            {
                var version = policy.Versions[v];
                if (version.Police.Count > 32)
                    throw new NotSupportedException($"{policy.Code} {version.Id} has {version.Police.Count} police instructions; a pathway code holds 32.");
                foreach (var node in version.Rules.SelectMany(r => r.SelfAndDescendants()))
                {
                    b._ruleIndex[node] = b.Rules.Count;
                    b.Rules.Add(node);
                    b.RuleVersion.Add(v);
                }
                var tiers = TiersOf(version);
                if (tiers.Length > MaxTiers)
                    throw new NotSupportedException($"{policy.Code} {version.Id} has {tiers.Length} threshold tiers; the compiled form holds {MaxTiers}.");
                b.Tiers.Add(tiers);
                var benefitOfDoubt = version.Police.Any(p => p.Instruction == Instruction.BenefitOfDoubt);
                for (var c = 0; c < ConductCount; c++)
                    for (var s = 0; s < substances.Count; s++)
                        b.SpecIndex[(v * ConductCount + c) * substances.Count + s] = b.AddSpec(v, version, tiers, (Conduct)c, substances[s].Id, benefitOfDoubt);
            }
            return b;
        }

        private int AddSpec(int v, PolicyVersion version, string[] tiers, Conduct conduct, string substance, bool benefitOfDoubt)
        {
            var baseRule = version.Rules.FirstOrDefault(r => r.Conducts.Contains(conduct));
            if (baseRule is null)
            {
                Specs.Add(new Spec(BatchError.NoRuleForConduct, false, 0, 0, 0, 0, 0, 0, 0, v));
                return Specs.Count - 1;
            }
            var quantityOffset = Quantity.Count;
            for (var t = 0; t < tiers.Length; t++)
            {
                for (var u = 0; u < UnitSlots; u++)
                {
                    var (kind, conclusive, rebuttable) = QuantityProgramFor(version, tiers[t], conduct, substance, u == 0 ? null : Unit.All[u - 1]);
                    ulong Bit(QuantityState state) => 1UL << (TierBits + 3 * t + (int)state);
                    Quantity.Add(kind switch
                    {
                        QuantityKind.Measured => new QuantityProgram(kind, conclusive, rebuttable, Bit(QuantityState.Within)),
                        QuantityKind.Unspecified => new QuantityProgram(kind, long.MaxValue, long.MaxValue, Bit(QuantityState.Unspecified)),
                        _ => new QuantityProgram(kind, long.MaxValue, long.MaxValue, 0),
                    });
                }
            }

            var root = Nodes.Count;
            Nodes.Add(default);
            AddTree(root, baseRule, null, tiers, conduct, substance);

            var policeOffset = Police.Count;
            var always = 0u;
            var groups = new List<(Check When, uint Bits)>();
            for (var i = 0; i < version.Police.Count; i++)
            {
                var p = version.Police[i];
                if (!StaticallyHolds(p.When, conduct, substance)) continue;
                var check = Compile(p.When, tiers);
                if (check == AlwaysCheck) { always |= 1u << i; continue; }
                var at = groups.FindIndex(g => g.When == check);
                if (at < 0) groups.Add((check, 1u << i)); else groups[at] = (check, groups[at].Bits | 1u << i);
            }
            Police.AddRange(groups.Select(g => new PoliceCheck(g.When, g.Bits)));

            var outletOffset = OutletIndex.Count;
            for (var slot = 0; slot < OutletSlots; slot++)
            {
                var outlet = slot == 0 || conduct != Conduct.Purchase ? null
                    : version.Supply.FirstOrDefault(o => (int)o.Type == slot - 1 && o.Substances.Contains(substance));
                OutletIndex.Add(outlet is null ? -1 : AddOutlet(outlet));
            }

            var spec = new Spec(BatchError.None, benefitOfDoubt, root, tiers.Length, quantityOffset, policeOffset, Police.Count - policeOffset, always, outletOffset, v);
            Specs.Add(Tabulate(spec, Nodes.Count, tiers.Length));
            return Specs.Count - 1;
        }

        /// <summary>Fills node <paramref name="at"/> and lays its applicable exceptions out contiguously after it.</summary>
        private void AddTree(int at, RuleNode rule, Condition? when, string[] tiers, Conduct conduct, string substance)
        {
            var children = rule.Exceptions.Where(e => e.Conducts.Contains(conduct) && StaticallyHolds(e.When, conduct, substance)).ToList();
            var first = Nodes.Count;
            foreach (var _ in children) Nodes.Add(default);
            Nodes[at] = new SpecNode(when is null ? default : Compile(when, tiers), _ruleIndex[rule], first, children.Count);
            for (var i = 0; i < children.Count; i++)
                AddTree(first + i, children[i], children[i].When, tiers, conduct, substance);
        }

        private const int MaxPriorCap = 4096;

        /// <summary>
        /// Turns a rule tree into a decision table when it reads few feature bits. Each condition depends on a group
        /// (dependence, place, a tier …) only through whether the row's one bit lies in the group's allowed set, so
        /// the bits any condition allows are all the table needs; ages and prior incidents fall into bands between
        /// the bounds the conditions name. Every entry is filled by walking the tree with a representative row.
        /// </summary>
        private Spec Tabulate(Spec spec, int end, int tierCount)
        {
            var nodes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Nodes);
            var police = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Police).Slice(spec.PoliceOffset, spec.PoliceCount);
            var checks = new List<Check>();
            for (var n = spec.Root + 1; n < end; n++) checks.Add(nodes[n].When);
            foreach (var p in police) checks.Add(p.When);
            checks.RemoveAll(c => c.Forbidden == ulong.MaxValue);

            var groups = new List<ulong> { Group(NotDependentBit, 2), Group(NotResidentBit, 2), Group(PlaceBits, 9), Group(OutletBits, OutletSlots), Group(PurchaseBits, 5) };
            for (var t = 0; t < tierCount; t++) groups.Add(Group(TierBits + 3 * t, 3));
            ulong mask = 0;
            foreach (var c in checks)
                foreach (var g in groups)
                    if ((c.Forbidden & g) != 0) mask |= g & ~c.Forbidden;

            var ages = Bounds(checks.SelectMany(c => c.AgeMin == 0 && c.AgeMax == int.MaxValue ? [] : new[] { c.AgeMin, c.AgeMax == int.MaxValue ? int.MaxValue : c.AgeMax + 1 }), 255);
            var priors = Bounds(checks.SelectMany(c => c.PriorMin == 0 && c.PriorMax == int.MaxValue ? [] : new[] { c.PriorMin, c.PriorMax == int.MaxValue ? int.MaxValue : c.PriorMax + 1 }), int.MaxValue);
            var priorCap = priors.Count == 0 ? 0 : priors[^1];
            var bits = System.Numerics.BitOperations.PopCount(mask);
            var featureKeys = 1 << bits;
            long size = (long)featureKeys * (ages.Count + 1) * (priors.Count + 1);
            if (priorCap > MaxPriorCap || size > _maxTableEntries) return spec;

            var entries = new PathwayCode[size];
            var impossible = PathwayCode.ForRule(nodes[spec.Root].Rule, 0);
            for (var pb = 0; pb <= priors.Count; pb++)
            {
                for (var ab = 0; ab <= ages.Count; ab++)
                {
                    for (var key = 0; key < featureKeys; key++)
                    {
                        var features = Deposit((ulong)key, mask);
                        var possible = true;
                        foreach (var g in groups)
                        {
                            var set = features & g;
                            if (set == 0 && (g & ~mask) is var rest && rest != 0) features |= rest & (~rest + 1);
                            else if (set == 0 || (set & (set - 1)) != 0) possible = false;
                        }
                        entries[(pb * (ages.Count + 1) + ab) * featureKeys + key] = possible
                            ? Walk(nodes, spec.Root, police, spec.PoliceAlways, features, ab == 0 ? 0 : ages[ab - 1], pb == 0 ? 0 : priors[pb - 1])
                            : impossible;
                    }
                }
            }

            var ageKeys = Enumerable.Range(0, 256).Select(a => ages.Count(b => b <= a) * featureKeys).ToArray();
            var priorKeys = Enumerable.Range(0, priorCap + 1).Select(p => priors.Count(b => b <= p) * (ages.Count + 1) * featureKeys).ToArray();
            return spec with
            {
                TableOffset = Shared(_tables, Table, entries),
                Mask = mask,
                AgeOffset = Shared(_ageKeyRuns, AgeKeys, ageKeys),
                PriorOffset = Shared(_priorKeyRuns, PriorKeys, priorKeys),
                PriorCap = priorCap,
            };
        }

        private static ulong Group(int offset, int width) => ((1UL << width) - 1) << offset;

        /// <summary>The distinct bounds between 1 and <paramref name="max"/>, ascending: a value's band is how many are at or below it.</summary>
        private static List<int> Bounds(IEnumerable<int> bounds, int max) => [.. bounds.Where(b => b > 0 && b <= max).Distinct().Order()];

        /// <summary>The inverse of <see cref="ExtractBits"/>: the low bits of <paramref name="key"/> spread over <paramref name="mask"/>.</summary>
        private static ulong Deposit(ulong key, ulong mask)
        {
            ulong result = 0;
            var k = 0;
            for (var m = mask; m != 0; m &= m - 1, k++)
                if ((key & (1UL << k)) != 0) result |= m & (~m + 1);
            return result;
        }

        /// <summary>Stores a run once and returns its offset; identical runs (most specialisations) share one copy.</summary>
        private static int Shared<T>(Dictionary<string, int> seen, List<T> store, T[] run)
        {
            var key = string.Join(",", run);
            if (seen.TryGetValue(key, out var offset)) return offset;
            offset = store.Count;
            store.AddRange(run);
            seen[key] = offset;
            return offset;
        }

        private int AddOutlet(Outlet outlet)
        {
            var offset = PurchaseLimits.Count / UnitSlots;
            foreach (var limit in outlet.Limits)
            {
                // A row buys over one day; a limit per day or longer is exceeded by that day's amount alone.
                var decides = 1m <= limit.Per.ApproximateDays;
                for (var u = 0; u < UnitSlots; u++)
                {
                    var unit = u == 0 ? null : Unit.All[u - 1];
                    PurchaseLimits.Add(unit is null || !limit.Amount.Unit.IsComparableWith(unit)
                        ? new PurchaseLimitCheck(false, false, 0)
                        : new PurchaseLimitCheck(true, decides, LargestAmountNotAbove(limit.Amount, unit, inclusive: true)));
                }
            }
            Purchase.Add(new PurchaseProgram(outlet.MinAge ?? int.MinValue, outlet.Residency, offset, outlet.Limits.Count));
            return Purchase.Count - 1;
        }

        /// <summary>The same measurement as the engine's quantity assessment, for a row with one substance in one unit.</summary>
        private static readonly Check AlwaysCheck = new(0, 0, int.MaxValue, 0, int.MaxValue);

        private static (QuantityKind Kind, long Conclusive, long Rebuttable) QuantityProgramFor(PolicyVersion version, string tier, Conduct conduct, string substance, Unit? unit)
        {
            var applicable = version.Thresholds
                .Where(t => t.Tier == tier && t.Conducts.Contains(conduct) && (t.Substances.Count == 0 || t.Substances.Contains(substance)))
                .ToList();
            if (applicable.Count == 0) return (QuantityKind.Unspecified, 0L, 0L);
            var perSubstance = applicable.Where(t => t.Shape == ThresholdShape.PerSubstance).ToList();
            bool Comparable(Threshold t) => unit is not null && t.Amount!.Value.Unit.IsComparableWith(unit);
            if (perSubstance.Count > 0 && !perSubstance.Any(Comparable))
                return (unit is null ? QuantityKind.AmountNeeded : QuantityKind.UnitNotComparable, 0, 0);
            long conclusive = long.MaxValue, rebuttable = long.MaxValue;
            foreach (var t in applicable)
            {
                long limit;
                switch (t.Shape)
                {
                    case ThresholdShape.PerSubstance:
                        if (!Comparable(t)) continue;
                        limit = LargestAmountNotAbove(t.Amount!.Value, unit!, t.Inclusive);
                        break;
                    case ThresholdShape.Cumulative when t.Substances.Count == 0:
                        // The engine sums the listed substances found; none listed sums to zero.
                        limit = t.IsExceededBy(new Quantity(0, t.Amount!.Value.Unit)) ? -1 : long.MaxValue;
                        break;
                    case ThresholdShape.Cumulative:
                        if (!Comparable(t)) return (unit is null ? QuantityKind.AmountNeeded : QuantityKind.UnitNotComparable, 0, 0);
                        limit = LargestAmountNotAbove(t.Amount!.Value, unit!, t.Inclusive);
                        break;
                    case ThresholdShape.MaxSubstances:
                        limit = 1 > t.MaxSubstances ? -1 : long.MaxValue;
                        break;
                    default:
                        continue;
                }
                switch (t.Meaning)
                {
                    case ThresholdMeaning.Indicative: break;
                    case ThresholdMeaning.Rebuttable: rebuttable = Math.Min(rebuttable, limit); break;
                    default: conclusive = Math.Min(conclusive, limit); break;
                }
            }
            return (QuantityKind.Measured, conclusive, rebuttable);
        }

        private static string[] TiersOf(PolicyVersion version)
        {
            var conditions = version.Rules.SelectMany(r => r.SelfAndDescendants()).Select(n => n.When).Concat(version.Police.Select(p => p.When));
            return [.. version.Thresholds.Select(t => t.Tier).Concat(conditions.Where(c => c.Quantity is not null).Select(c => c.Tier)).Distinct()];
        }

        /// <summary>Whether the parts of a condition fixed by the specialisation (substance, conduct) hold.</summary>
        private static bool StaticallyHolds(Condition c, Conduct conduct, string substance) =>
            (c.Substances is null || c.Substances.Contains(substance)) && (c.Conducts is null || c.Conducts.Contains(conduct));

        private static Check Compile(Condition c, string[] tiers)
        {
            if (c.Age.IsEmpty || c.Prior.IsEmpty) return new Check(ulong.MaxValue, 0, 0, 0, 0);
            ulong allowed = ulong.MaxValue;
            void Only(int offset, int width, ulong bits)
            {
                var group = ((1UL << width) - 1) << offset;
                allowed &= ~group | (bits << offset);
            }
            if (c.Dependent is { } d) Only(NotDependentBit, 2, d ? 2UL : 1UL);
            if (c.Resident is { } r) Only(NotResidentBit, 2, r ? 2UL : 1UL);
            Only(PlaceBits, 9, (ulong)c.Places & 0x1FF);
            if (c.Outlets is { } outlets) Only(OutletBits, OutletSlots, outlets.Aggregate(0UL, (m, o) => m | 1UL << ((int)o + 1)));
            if (c.Purchase != PurchaseStatus.All) Only(PurchaseBits, 5, (ulong)c.Purchase << 1);
            if (c.Quantity is { } q) Only(TierBits + 3 * Array.IndexOf(tiers, c.Tier), 3, 1UL << (int)q);
            return new Check(~allowed, c.Age.Min, c.Age.Max, c.Prior.Min, c.Prior.Max);
        }
    }
}
