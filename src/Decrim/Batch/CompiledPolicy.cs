using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    private const int MaxTableEntries = 1 << 14;

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
    private readonly PathwayCode[] _table;
    private readonly int[] _ageKeys;
    private readonly int[] _priorKeys;

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
        _table = [.. b.Table];
        _ageKeys = [.. b.AgeKeys];
        _priorKeys = [.. b.PriorKeys];
    }

    /// <summary>Compiles every version of <paramref name="policy"/>. The policy must have validated.</summary>
    public static CompiledPolicy Compile(Policy policy) => new(policy, Builder.Build(policy, MaxTableEntries));

    /// <summary>For benchmarks: compile with decision tables of at most <paramref name="maxTableEntries"/> entries (0: always walk the tree).</summary>
    internal static CompiledPolicy Compile(Policy policy, int maxTableEntries) => new(policy, Builder.Build(policy, maxTableEntries));

    /// <summary>Evaluates every row of <paramref name="rows"/> into <paramref name="output"/>, in order. Allocates nothing.</summary>
    public void Evaluate(scoped in EncounterColumns rows, Span<PathwayCode> output)
    {
        if (output.Length < rows.Count) throw new ArgumentException("The output is shorter than the batch.", nameof(output));
        // Rows built from raw spans are not checked on the way in. One vectorised pass decides whether every value is
        // within its vocabulary; if so the rows are evaluated without per-row checks, otherwise with them.
        if (AllInVocabulary(rows)) EvaluateRows(rows, output, check: false);
        else EvaluateRows(rows, output, check: true);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EvaluateRows(scoped in EncounterColumns rows, Span<PathwayCode> output, bool check)
    {
        var n = rows.Count;
        // The columns were checked to have one length when the batch was made, so the reads below skip bounds checks.
        ref var dates = ref MemoryMarshal.GetReference(rows.Dates);
        ref var substances = ref MemoryMarshal.GetReference(rows.Substances);
        ref var amounts = ref MemoryMarshal.GetReference(rows.Amounts);
        ref var units = ref MemoryMarshal.GetReference(rows.Units);
        ref var ages = ref MemoryMarshal.GetReference(rows.Ages);
        ref var priors = ref MemoryMarshal.GetReference(rows.Priors);
        ref var flags = ref MemoryMarshal.GetReference(rows.Flags);
        ref var codes = ref MemoryMarshal.GetReference(output);
        // Rows usually come in runs of one version: keep the last version's dates and look up only on a change.
        int v = -1, from = 0, to = 0;
        for (var i = 0; i < n; i++)
        {
            var date = Unsafe.Add(ref dates, i);
            if ((uint)(date - from) >= (uint)(to - from))
            {
                v = VersionAt(date);
                (from, to) = v < 0 ? (0, 0) : (_from[v], _to[v]);
            }
            int substance = Unsafe.Add(ref substances, i), unit = Unsafe.Add(ref units, i);
            var f = Unsafe.Add(ref flags, i);
            Unsafe.Add(ref codes, i) = v < 0 ? PathwayCode.ForError(BatchError.NoVersion)
                : check && !InVocabulary(substance, unit, f) ? PathwayCode.ForError(BatchError.InvalidRow)
                : EvaluateRow(v, substance, Unsafe.Add(ref amounts, i), unit, Unsafe.Add(ref ages, i), Unsafe.Add(ref priors, i), f);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InVocabulary(int substance, int unit, uint flags) =>
        ((uint)substance < (uint)_substanceCount) & ((uint)unit < (uint)UnitSlots) & ((flags & 7) < ConductCount)
        & (((flags >> 3) & 3) != 3) & (((flags >> 5) & 15) <= 8) & (((flags >> 11) & 15) < OutletSlots);

    /// <summary>Whether every substance, unit and flag value of the batch is within its vocabulary, many rows at a time.</summary>
    private bool AllInVocabulary(scoped in EncounterColumns rows)
    {
        var substances = rows.Substances;
        var units = rows.Units;
        var flags = rows.Flags;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var maxSubstance = new Vector<ushort>((ushort)(_substanceCount - 1));
            for (; i + Vector<ushort>.Count <= substances.Length; i += Vector<ushort>.Count)
                if (Vector.GreaterThanAny(new Vector<ushort>(substances.Slice(i, Vector<ushort>.Count)), maxSubstance)) return false;
            for (; i < substances.Length; i++) if (substances[i] >= _substanceCount) return false;
            var maxUnit = new Vector<byte>((byte)(UnitSlots - 1));
            for (i = 0; i + Vector<byte>.Count <= units.Length; i += Vector<byte>.Count)
                if (Vector.GreaterThanAny(new Vector<byte>(units.Slice(i, Vector<byte>.Count)), maxUnit)) return false;
            for (; i < units.Length; i++) if (units[i] >= UnitSlots) return false;
            Vector<uint> seven = new(7), three = new(3 << 3), placeMax = new(8 << 5), placeMask = new(15 << 5), outletMax = new((uint)(OutletSlots - 1) << 11), outletMask = new(15 << 11);
            for (i = 0; i + Vector<uint>.Count <= flags.Length; i += Vector<uint>.Count)
            {
                var f = new Vector<uint>(flags.Slice(i, Vector<uint>.Count));
                if (Vector.EqualsAny(f & seven, seven) || Vector.EqualsAny(f & three, three)
                    || Vector.GreaterThanAny(f & placeMask, placeMax) || Vector.GreaterThanAny(f & outletMask, outletMax)) return false;
            }
            for (; i < flags.Length; i++) if (!InVocabulary(0, 0, flags[i])) return false;
            return true;
        }
        for (i = 0; i < substances.Length; i++)
            if (!InVocabulary(substances[i], units[i], flags[i])) return false;
        return true;
    }

    /// <summary>Evaluates one row; see <see cref="EncounterColumns"/> for the meaning of each value.</summary>
    public PathwayCode Evaluate(int date, int substance, long amount, int unit, int age, int prior, uint flags)
    {
        if ((uint)substance >= (uint)_substanceCount) throw new ArgumentOutOfRangeException(nameof(substance));
        if ((uint)unit >= (uint)UnitSlots) throw new ArgumentOutOfRangeException(nameof(unit));
        var v = VersionAt(date);
        return v < 0 ? PathwayCode.ForError(BatchError.NoVersion)
            : !InVocabulary(substance, unit, flags) ? PathwayCode.ForError(BatchError.InvalidRow)
            : EvaluateRow(v, substance, amount, unit, age, prior, flags);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PathwayCode EvaluateRow(int v, int substance, long amount, int unit, int ageByte, int prior, uint flags)
    {
        var conduct = (int)(flags & 7);
        ref readonly var spec = ref _specs[_specIndex[(v * ConductCount + conduct) * _substanceCount + substance]];
        if (spec.Error != BatchError.None) return PathwayCode.ForError(spec.Error);

        var age = ageByte == EncounterFlags.AgeNotGiven ? Encounter.AssumedAdultAge : ageByte;
        // Branch-free where the data is random (dependence, place, amounts): mispredictions, not arithmetic, are the cost.
        var dependence = (flags >> 3) & 3;
        var dependent = (dependence == (uint)Dependence.Dependent) | ((dependence == (uint)Dependence.Unknown) & spec.BenefitOfDoubt);
        var resident = (flags & (1u << 9)) == 0;
        var outletSlot = (int)((flags >> 11) & 15);
        var features = (1UL << (NotDependentBit + (dependent ? 1 : 0)))
            | (1UL << (NotResidentBit + (resident ? 1 : 0)))
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
            if (q.WithinBit == 0)
                return PathwayCode.ForError(q.Kind == QuantityKind.AmountNeeded ? BatchError.AmountNeeded : BatchError.UnitNotComparable);
            // "Above" is the bit after "within": shift by one when the amount exceeds the limit (sign of limit - amount).
            var limit = rebutted ? q.LimitConclusive : q.LimitAny;
            features |= q.WithinBit << (int)((ulong)(limit - amount) >> 63);
        }

        if (spec.TableOffset >= 0)
        {
            var key = ExtractBits(features, spec.Mask) + (uint)_ageKeys[spec.AgeOffset + age] + (uint)_priorKeys[spec.PriorOffset + Math.Min(prior, spec.PriorCap)];
            return _table[spec.TableOffset + (int)key];
        }
        return Walk(_nodes, spec.Root, _police.AsSpan(spec.PoliceOffset, spec.PoliceCount), spec.PoliceAlways, features, age, prior);
    }

    /// <summary>
    /// Default logic: the first exception whose condition holds overrides its parent, recursively; then the police
    /// checks. Used at compile time to fill decision tables, and at run time for trees too large to tabulate.
    /// </summary>
    private static PathwayCode Walk(ReadOnlySpan<SpecNode> nodes, int root, ReadOnlySpan<PoliceCheck> checks, uint always, ulong features, int age, int prior)
    {
        var n = root;
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
        var police = always;
        foreach (ref readonly var p in checks)
            if (p.When.Holds(features, age, prior)) police |= p.Bits;
        return PathwayCode.ForRule(nodes[n].Rule, police);
    }

    /// <summary>The bits of <paramref name="value"/> selected by <paramref name="mask"/>, packed to the right (x86 PEXT).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ExtractBits(ulong value, ulong mask)
    {
        if (System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported) return System.Runtime.Intrinsics.X86.Bmi2.X64.ParallelBitExtract(value, mask);
        ulong result = 0;
        var k = 0;
        for (var m = mask; m != 0; m &= m - 1, k++)
            if ((value & m & (~m + 1)) != 0) result |= 1UL << k;
        return result;
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
        BatchError.InvalidRow => "the row holds a value outside its vocabulary (substance, unit, conduct, dependence, place or outlet)",
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
    /// <remarks>Police instructions that always apply are folded into <see cref="PoliceAlways"/>; the others are grouped by condition.</remarks>
    /// <remarks>
    /// When the outcome depends on few feature bits and age and prior-incident bands, it is tabulated: the index is
    /// the feature bits under <see cref="Mask"/> plus the age and prior keys, and the entry is the finished code.
    /// <see cref="TableOffset"/> is -1 when the tree is walked instead.
    /// </remarks>
    private readonly record struct Spec(BatchError Error, bool BenefitOfDoubt, int Root, int Tiers, int QuantityOffset, int PoliceOffset, int PoliceCount, uint PoliceAlways, int OutletOffset, int Version)
    {
        public int TableOffset { get; init; } = -1;
        public ulong Mask { get; init; }
        public int AgeOffset { get; init; }
        public int PriorOffset { get; init; }
        public int PriorCap { get; init; }
    }

    private readonly record struct SpecNode(Check When, int Rule, int FirstChild, int ChildCount);

    /// <summary>Instructions sharing one condition: when it holds, all their bits are set.</summary>
    private readonly record struct PoliceCheck(Check When, uint Bits);

    private enum QuantityKind : byte { Unspecified, Measured, AmountNeeded, UnitNotComparable }

    /// <summary>
    /// A tier for one unit: above when the amount exceeds the conclusive limit, or the rebuttable one unless
    /// rebutted. The tier's feature bits are precomputed; a tier with no threshold has the "unspecified" bit both ways.
    /// </summary>
    /// <remarks>An error program (no amount, or a unit that does not compare) has no feature bit: <see cref="WithinBit"/> is 0.</remarks>
    private readonly record struct QuantityProgram(QuantityKind Kind, long LimitConclusive, long LimitRebuttable, ulong WithinBit)
    {
        public long LimitAny { get; } = Math.Min(LimitConclusive, LimitRebuttable);
    }

    private readonly record struct PurchaseProgram(int MinAge, bool Residency, int LimitOffset, int LimitCount);

    private readonly record struct PurchaseLimitCheck(bool Comparable, bool Decides, long Limit);
}
