using Decrim.Evaluation;
using Decrim.Policies;

namespace Decrim.Batch;

/// <summary>
/// A batch of single-substance encounters laid out column by column (struct of arrays), as the compiled evaluator
/// reads them. Row <c>i</c> is one encounter: <see cref="Dates"/>[i] (a <see cref="DateOnly.DayNumber"/>),
/// <see cref="Substances"/>[i] (a position in the shared substance vocabulary), <see cref="Amounts"/>[i] in
/// millionths of <see cref="Units"/>[i] (a position in <see cref="Unit.All"/> plus one; 0 when no amount is known),
/// <see cref="Ages"/>[i] (<see cref="EncounterFlags.AgeNotGiven"/> when not known), <see cref="Priors"/>[i] and the
/// packed <see cref="Flags"/>[i] (see <see cref="EncounterFlags"/>). All columns have the same length.
/// </summary>
public readonly ref struct EncounterColumns
{
    public EncounterColumns(ReadOnlySpan<int> dates, ReadOnlySpan<ushort> substances, ReadOnlySpan<long> amounts,
        ReadOnlySpan<byte> units, ReadOnlySpan<byte> ages, ReadOnlySpan<ushort> priors, ReadOnlySpan<uint> flags)
    {
        var n = dates.Length;
        if (substances.Length != n || amounts.Length != n || units.Length != n || ages.Length != n || priors.Length != n || flags.Length != n)
            throw new ArgumentException("Every column of a batch must have the same length.");
        Dates = dates; Substances = substances; Amounts = amounts; Units = units; Ages = ages; Priors = priors; Flags = flags;
    }

    public ReadOnlySpan<int> Dates { get; }
    public ReadOnlySpan<ushort> Substances { get; }
    public ReadOnlySpan<long> Amounts { get; }
    public ReadOnlySpan<byte> Units { get; }
    public ReadOnlySpan<byte> Ages { get; }
    public ReadOnlySpan<ushort> Priors { get; }
    public ReadOnlySpan<uint> Flags { get; }
    public int Count => Dates.Length;

    public EncounterColumns Slice(int start, int length) => new(Dates.Slice(start, length), Substances.Slice(start, length),
        Amounts.Slice(start, length), Units.Slice(start, length), Ages.Slice(start, length), Priors.Slice(start, length), Flags.Slice(start, length));
}

/// <summary>
/// How the yes/no and small-enumeration facts of an encounter are packed into one <see cref="uint"/>:
/// bits 0–2 conduct, 3–4 dependence (<see cref="Dependence"/>), 5–8 place (the bit position of the single
/// <see cref="Place"/>), 9 not resident, 10 presumption rebutted, 11–14 outlet (0 none, else <see cref="OutletType"/> + 1).
/// The default, 0, is possession by a resident in a public place, dependence unknown, no outlet.
/// </summary>
public static class EncounterFlags
{
    public const byte AgeNotGiven = byte.MaxValue;
    /// <summary>Amounts are stored as whole millionths of their unit, so six decimals are exact.</summary>
    public const long AmountScale = 1_000_000;

    public static uint Pack(Conduct conduct, Dependence dependence, Place place, bool resident, bool rebutted, OutletType? outlet)
    {
        if (place == Policies.Place.None || (place & (place - 1)) != 0)
            throw new ArgumentException($"An encounter happens in exactly one place, not {place}.", nameof(place));
        return (uint)conduct
            | (uint)dependence << 3
            | (uint)System.Numerics.BitOperations.TrailingZeroCount((uint)place) << 5
            | (resident ? 0u : 1u) << 9
            | (rebutted ? 1u : 0u) << 10
            | (outlet is { } o ? (uint)o + 1 : 0u) << 11;
    }

    public static Conduct Conduct(uint flags) => (Conduct)(flags & 7);
    public static Dependence Dependence(uint flags) => (Dependence)((flags >> 3) & 3);
    public static int PlaceBit(uint flags) => (int)((flags >> 5) & 15);
    public static Place Place(uint flags) => (Place)(1 << PlaceBit(flags));
    public static bool Resident(uint flags) => (flags & (1u << 9)) == 0;
    public static bool Rebutted(uint flags) => (flags & (1u << 10)) != 0;
    /// <summary>0 when no outlet, else <see cref="OutletType"/> + 1.</summary>
    public static int OutletSlot(uint flags) => (int)((flags >> 11) & 15);
    public static OutletType? Outlet(uint flags) => OutletSlot(flags) is 0 ? null : (OutletType)(OutletSlot(flags) - 1);
}
