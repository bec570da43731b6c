namespace Decrim.Batch;

/// <summary>
/// The compact outcome of one batch evaluation: which rule decided (an index into the compiled policy's rules,
/// which also fixes the version) and which police instructions applied (bit i = the version's i-th instruction);
/// or, for a question the engine cannot answer, an <see cref="BatchError"/>. The compiled policy turns a code
/// back into the rule, its consequences and its sources (<see cref="CompiledPolicy.Explain"/>). The default
/// value is rule 0 with no police instructions.
/// </summary>
public readonly record struct PathwayCode(ulong Value)
{
    private const uint ErrorBase = 0xFFFF_FF00;

    public static PathwayCode ForRule(int rule, uint police) => new((ulong)police << 32 | (uint)rule);
    public static PathwayCode ForError(BatchError error) => new(ErrorBase | (uint)error);

    public bool IsError => (uint)Value >= ErrorBase;
    public BatchError Error => IsError ? (BatchError)((uint)Value - ErrorBase) : BatchError.None;
    /// <summary>The deciding rule's index in <see cref="CompiledPolicy.Rules"/>; meaningless for an error.</summary>
    public int Rule => (int)(uint)Value;
    /// <summary>Bit i set when the version's i-th police instruction applies.</summary>
    public uint Police => (uint)(Value >> 32);

    public override string ToString() => IsError ? $"error:{Error}" : $"rule:{Rule}/police:{Police:x}";
}

/// <summary>Why a batch row has no pathway: the same questions the single-encounter engine refuses.</summary>
public enum BatchError : byte
{
    None,
    /// <summary>No version of the policy is in force on the row's date.</summary>
    NoVersion,
    /// <summary>The version has no rule for the row's conduct.</summary>
    NoRuleForConduct,
    /// <summary>A threshold applies but the row gives no amount.</summary>
    AmountNeeded,
    /// <summary>The row's unit cannot be compared with the threshold's (tablets against grams).</summary>
    UnitNotComparable,
    /// <summary>A purchase at an outlet whose limits are in a unit the row's amount cannot be compared with, or with no amount.</summary>
    PurchaseAmount,
    /// <summary>A column holds a value outside its vocabulary (a substance or unit index, a conduct, place or outlet code).</summary>
    InvalidRow,
}
