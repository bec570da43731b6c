using System.Runtime.CompilerServices;
using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Batch;

/// <summary>
/// A policy compiled for evaluating millions of single-substance encounters: every version, conduct and substance
/// is specialised ahead of time into flat arrays (Regex's interpreter code is the model), so evaluating a row is a
/// version lookup, a few integer comparisons per threshold tier, and a walk down the rule tree testing each
/// exception's condition with one mask and two ranges. It gives the same decisions as <see cref="Engine"/> (a
/// property test holds the two together), allocates nothing per row, and is immutable, so one instance may serve
/// any number of threads. A batch may span versions: each row picks the version in force on its date.
/// </summary>
public sealed partial class CompiledPolicy
{
    private const int ConductCount = 7;
    /// <summary>Unit column values: 0 (no amount) and one per <see cref="Unit.All"/>.</summary>
    private static readonly int UnitSlots = Unit.All.Count + 1;
    private const int OutletSlots = 9;
    private const int MaxTiers = 12;

    // Feature bits of a row, one-hot within each group, so a condition is "no forbidden bit set".
    private const int NotDependentBit = 0, DependentBit = 1, NotResidentBit = 2, ResidentBit = 3, PlaceBits = 4, OutletBits = 13, PurchaseBits = 22, TierBits = 27;

    private readonly RuleNode[] _rules;
    private readonly int[] _ruleVersion;
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly int _substanceCount;
    private readonly int[] _specIndex;
    private readonly Spec[] _specs;
    private readonly SpecNode[] _nodes;
    private readonly PoliceCheck[] _police;
    private readonly QuantityProgram[] _quantity;
    private readonly int[] _outletIndex;
    private readonly PurchaseProgram[] _purchase;
    private readonly PurchaseLimitCheck[] _purchaseLimits;
    private readonly string[][] _tiers;

    public Policy Policy { get; }

    /// <summary>Every rule of every version; <see cref="PathwayCode.Rule"/> indexes this list.</summary>
    public IReadOnlyList<RuleNode> Rules => _rules;

    private CompiledPolicy(Policy policy, Builder b)
    {
        Policy = policy;
        _rules = [.. b.Rules];
        _ruleVersion = [.. b.RuleVersion];
        _from = [.. policy.Versions.Select(v => v.From.DayNumber)];
        _to = [.. policy.Versions.Select(v => v.To?.DayNumber ?? int.MaxValue)];
        _substanceCount = SubstanceVocabulary.Shared.All.Count;
        _specIndex = b.SpecIndex;
        _specs = [.. b.Specs];
        _nodes = [.. b.Nodes];
        _police = [.. b.Police];
        _quantity = [.. b.Quantity];
        _outletIndex = [.. b.OutletIndex];
        _purchase = [.. b.Purchase];
        _purchaseLimits = [.. b.PurchaseLimits];
        _tiers = [.. b.Tiers];
    }

    /// <summary>Compiles every version of <paramref name="policy"/>. The policy must have validated.</summary>
    public static CompiledPolicy Compile(Policy policy) => new(policy, Builder.Build(policy));

    /// <summary>Evaluates every row of <paramref name="rows"/> into <paramref name="output"/>, in order. Allocates nothing.</summary>
    public void Evaluate(scoped in EncounterColumns rows, Span<PathwayCode> output)
    {
        var n = rows.Count;
        if (output.Length < n) throw new ArgumentException("The output is shorter than the batch.", nameof(output));
        var dates = rows.Dates;
        var substances = rows.Substances;
        var amounts = rows.Amounts;
        var units = rows.Units;
        var ages = rows.Ages;
        var priors = rows.Priors;
        var flags = rows.Flags;
        for (var i = 0; i < n; i++)
            output[i] = EvaluateRow(dates[i], substances[i], amounts[i], units[i], ages[i], priors[i], flags[i]);
    }

    /// <summary>Evaluates one row; see <see cref="EncounterColumns"/> for the meaning of each value.</summary>
    public PathwayCode Evaluate(int date, int substance, long amount, int unit, int age, int prior, uint flags)
    {
        if ((uint)substance >= (uint)_substanceCount) throw new ArgumentOutOfRangeException(nameof(substance));
        if ((uint)unit >= (uint)UnitSlots) throw new ArgumentOutOfRangeException(nameof(unit));
        return EvaluateRow(date, substance, amount, unit, age, prior, flags);
    }

    /// <summary>
    /// Evaluates a table on up to <paramref name="threads"/> threads in chunks; the output is the same as
    /// <see cref="Evaluate(in EncounterColumns, Span{PathwayCode})"/> whatever the thread count.
    /// </summary>
    public void EvaluateParallel(EncounterTable table, PathwayCode[] output, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (output.Length < table.Count) throw new ArgumentException("The output is shorter than the batch.", nameof(output));
        const int chunk = 1 << 16;
        var chunks = (table.Count + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var start = c * chunk;
            var length = Math.Min(chunk, table.Count - start);
            Evaluate(table.Slice(start, length), output.AsSpan(start, length));
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int VersionAt(int date)
    {
        var from = _from;
        for (var v = from.Length - 1; v >= 0; v--)
            if (date >= from[v]) return date < _to[v] ? v : -1;
        return -1;
    }

    private PathwayCode EvaluateRow(int date, int substance, long amount, int unit, int ageByte, int prior, uint flags)
    {
        var v = VersionAt(date);
        if (v < 0) return PathwayCode.ForError(BatchError.NoVersion);
        var conduct = (int)(flags & 7);
        ref readonly var spec = ref _specs[_specIndex[(v * ConductCount + conduct) * _substanceCount + substance]];
        if (spec.Error != BatchError.None) return PathwayCode.ForError(spec.Error);

        var age = ageByte == EncounterFlags.AgeNotGiven ? Encounter.AssumedAdultAge : ageByte;
        var dependence = (flags >> 3) & 3;
        var dependent = dependence == (uint)Dependence.Dependent || (dependence == (uint)Dependence.Unknown && spec.BenefitOfDoubt);
        var resident = (flags & (1u << 9)) == 0;
        var outletSlot = (int)((flags >> 11) & 15);
        var features = (1UL << (dependent ? DependentBit : NotDependentBit))
            | (1UL << (resident ? ResidentBit : NotResidentBit))
            | (1UL << (PlaceBits + (int)((flags >> 5) & 15)))
            | (1UL << (OutletBits + outletSlot));

        if (conduct == (int)Conduct.Purchase)
        {
            var status = PurchaseStatusOf(in spec, outletSlot, age, resident, amount, unit);
            if (status < 0) return PathwayCode.ForError(BatchError.PurchaseAmount);
            features |= 1UL << (PurchaseBits + status);
        }
        else
        {
            features |= 1UL << PurchaseBits;
        }

        var rebutted = (flags & (1u << 10)) != 0;
        var quantity = _quantity;
        for (var t = 0; t < spec.Tiers; t++)
        {
            ref readonly var q = ref quantity[spec.QuantityOffset + t * UnitSlots + unit];
            int state;
            switch (q.Kind)
            {
                case QuantityKind.Unspecified: state = (int)QuantityState.Unspecified; break;
                case QuantityKind.Measured:
                    state = amount > q.LimitConclusive || (!rebutted && amount > q.LimitRebuttable) ? (int)QuantityState.Above : (int)QuantityState.Within;
                    break;
                case QuantityKind.AmountNeeded: return PathwayCode.ForError(BatchError.AmountNeeded);
                default: return PathwayCode.ForError(BatchError.UnitNotComparable);
            }
            features |= 1UL << (TierBits + 3 * t + state);
        }

        // Default logic: the first exception whose condition holds overrides its parent, recursively.
        var nodes = _nodes;
        var n = spec.Root;
        while (true)
        {
            ref readonly var node = ref nodes[n];
            var end = node.FirstChild + node.ChildCount;
            var next = -1;
            for (var c = node.FirstChild; c < end; c++)
            {
                if (nodes[c].When.Holds(features, age, prior)) { next = c; break; }
            }
            if (next < 0) break;
            n = next;
        }

        uint police = 0;
        var checks = _police.AsSpan(spec.PoliceOffset, spec.PoliceCount);
        foreach (ref readonly var p in checks)
            if (p.When.Holds(features, age, prior)) police |= 1u << p.Bit;
        return PathwayCode.ForRule(nodes[n].Rule, police);
    }

    /// <summary>The purchase status's bit offset (0 none … 4 no outlet), or -1 when the amount cannot be measured against the limits.</summary>
    private int PurchaseStatusOf(in Spec spec, int outletSlot, int age, bool resident, long amount, int unit)
    {
        const int authorised = 1, overLimit = 2, notEligible = 3, noOutlet = 4;
        var index = _outletIndex[spec.OutletOffset + outletSlot];
        if (index < 0) return noOutlet;
        ref readonly var outlet = ref _purchase[index];
        if (age < outlet.MinAge) return notEligible;
        if (outlet.Residency && !resident) return notEligible;
        if (unit == 0) return -1;
        for (var k = 0; k < outlet.LimitCount; k++)
        {
            ref readonly var limit = ref _purchaseLimits[(outlet.LimitOffset + k) * UnitSlots + unit];
            if (!limit.Comparable) return -1;
            if (limit.Decides && amount > limit.Limit) return overLimit;
        }
        return authorised;
    }

    /// <summary>The version a code's rule belongs to.</summary>
    public PolicyVersion VersionOf(PathwayCode code) => Policy.Versions[_ruleVersion[RuleIndex(code)]];

    /// <summary>The rule that decided.</summary>
    public RuleNode RuleOf(PathwayCode code) => _rules[RuleIndex(code)];

    /// <summary>The police instructions that applied, in the version's order.</summary>
    public IReadOnlyList<PoliceInstruction> PoliceOf(PathwayCode code)
    {
        var version = VersionOf(code);
        return [.. version.Police.Where((_, i) => (code.Police & (1u << i)) != 0)];
    }

    /// <summary>True when the deciding rule imposes any criminal-law response.</summary>
    public bool IsCriminal(PathwayCode code) => RuleOf(code).Then.Any(r => r.Criminal);

    /// <summary>
    /// The full explanation for row <paramref name="encounter"/> whose code is <paramref name="code"/>: the
    /// single-encounter engine's pathway (consequences with dates and sources, trace, warnings), checked to
    /// agree with the code.
    /// </summary>
    public Pathway Explain(PathwayCode code, Encounter encounter)
    {
        if (code.IsError) throw new EvaluationException($"this row has no pathway: {Describe(code.Error)}.");
        var pathway = Engine.Evaluate(Policy, encounter);
        if (!ReferenceEquals(pathway.Decisions[0].Rule, RuleOf(code)))
            throw new InvalidOperationException($"The code names rule {RuleOf(code).Id} but the engine decided {pathway.Decisions[0].Rule.Id}; the code was not made for this encounter.");
        return pathway;
    }

    public static string Describe(BatchError error) => error switch
    {
        BatchError.NoVersion => "no version is in force on this date",
        BatchError.NoRuleForConduct => "the version in force has no rule for this conduct",
        BatchError.AmountNeeded => "a threshold applies to this substance; an amount is needed",
        BatchError.UnitNotComparable => "the amount's unit cannot be compared with the threshold's",
        BatchError.PurchaseAmount => "the amount bought cannot be measured against the outlet's limits",
        _ => "no error",
    };

    private int RuleIndex(PathwayCode code) =>
        code.IsError ? throw new ArgumentException($"{code} is an error, not a pathway.", nameof(code))
        : (uint)code.Rule < (uint)_rules.Length ? code.Rule : throw new ArgumentOutOfRangeException(nameof(code), $"{code} is not a code of {Policy.Code}.");

    /// <summary>A compiled condition: no forbidden feature bit is set, and age and prior incidents are within range.</summary>
    private readonly record struct Check(ulong Forbidden, int AgeMin, int AgeMax, int PriorMin, int PriorMax)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Holds(ulong features, int age, int prior) =>
            (features & Forbidden) == 0 && (uint)(age - AgeMin) <= (uint)(AgeMax - AgeMin) && (uint)(prior - PriorMin) <= (uint)(PriorMax - PriorMin);
    }

    /// <summary>One (version, conduct, substance) specialisation: its rule tree, tiers, police checks and outlets.</summary>
    private readonly record struct Spec(BatchError Error, bool BenefitOfDoubt, int Root, int Tiers, int QuantityOffset, int PoliceOffset, int PoliceCount, int OutletOffset, int Version);

    private readonly record struct SpecNode(Check When, int Rule, int FirstChild, int ChildCount);

    private readonly record struct PoliceCheck(Check When, int Bit);

    private enum QuantityKind : byte { Unspecified, Measured, AmountNeeded, UnitNotComparable }

    /// <summary>A tier for one unit: above when the amount exceeds the conclusive limit, or the rebuttable one unless rebutted.</summary>
    private readonly record struct QuantityProgram(QuantityKind Kind, long LimitConclusive, long LimitRebuttable);

    private readonly record struct PurchaseProgram(int MinAge, bool Residency, int LimitOffset, int LimitCount);

    private readonly record struct PurchaseLimitCheck(bool Comparable, bool Decides, long Limit);
}
