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
        private readonly Dictionary<RuleNode, int> _ruleIndex = new(ReferenceEqualityComparer.Instance);

        public static Builder Build(Policy policy)
        {
            var b = new Builder();
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
                Specs.Add(new Spec(BatchError.NoRuleForConduct, false, 0, 0, 0, 0, 0, 0, v));
                return Specs.Count - 1;
            }
            var quantityOffset = Quantity.Count;
            foreach (var tier in tiers)
                for (var u = 0; u < UnitSlots; u++)
                    Quantity.Add(QuantityProgramFor(version, tier, conduct, substance, u == 0 ? null : Unit.All[u - 1]));

            var root = Nodes.Count;
            Nodes.Add(default);
            AddTree(root, baseRule, null, tiers, conduct, substance);

            var policeOffset = Police.Count;
            for (var i = 0; i < version.Police.Count; i++)
            {
                var p = version.Police[i];
                if (StaticallyHolds(p.When, conduct, substance))
                    Police.Add(new PoliceCheck(Compile(p.When, tiers), i));
            }

            var outletOffset = OutletIndex.Count;
            for (var slot = 0; slot < OutletSlots; slot++)
            {
                var outlet = slot == 0 || conduct != Conduct.Purchase ? null
                    : version.Supply.FirstOrDefault(o => (int)o.Type == slot - 1 && o.Substances.Contains(substance));
                OutletIndex.Add(outlet is null ? -1 : AddOutlet(outlet));
            }

            Specs.Add(new Spec(BatchError.None, benefitOfDoubt, root, tiers.Length, quantityOffset, policeOffset, Police.Count - policeOffset, outletOffset, v));
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
        private static QuantityProgram QuantityProgramFor(PolicyVersion version, string tier, Conduct conduct, string substance, Unit? unit)
        {
            var applicable = version.Thresholds
                .Where(t => t.Tier == tier && t.Conducts.Contains(conduct) && (t.Substances.Count == 0 || t.Substances.Contains(substance)))
                .ToList();
            if (applicable.Count == 0) return new(QuantityKind.Unspecified, 0, 0);
            var perSubstance = applicable.Where(t => t.Shape == ThresholdShape.PerSubstance).ToList();
            bool Comparable(Threshold t) => unit is not null && t.Amount!.Value.Unit.IsComparableWith(unit);
            if (perSubstance.Count > 0 && !perSubstance.Any(Comparable))
                return new(unit is null ? QuantityKind.AmountNeeded : QuantityKind.UnitNotComparable, 0, 0);
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
                        if (!Comparable(t)) return new(unit is null ? QuantityKind.AmountNeeded : QuantityKind.UnitNotComparable, 0, 0);
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
            return new(QuantityKind.Measured, conclusive, rebuttable);
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
