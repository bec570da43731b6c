using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Batch;

/// <summary>
/// Owns the columns of a batch of single-substance encounters and converts between rows and <see cref="Encounter"/>s.
/// Grows like a list; <see cref="Columns"/> views the filled part without copying. Not thread-safe while being filled.
/// </summary>
public sealed class EncounterTable
{
    private int[] _dates;
    private ushort[] _substances;
    private long[] _amounts;
    private byte[] _units;
    private byte[] _ages;
    private ushort[] _priors;
    private uint[] _flags;

    public EncounterTable(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 1);
        _dates = new int[capacity]; _substances = new ushort[capacity]; _amounts = new long[capacity]; _units = new byte[capacity];
        _ages = new byte[capacity]; _priors = new ushort[capacity]; _flags = new uint[capacity];
    }

    public int Count { get; private set; }

    public EncounterColumns Columns => Slice(0, Count);

    public EncounterColumns Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Count);
        return new(_dates.AsSpan(start, length), _substances.AsSpan(start, length), _amounts.AsSpan(start, length),
            _units.AsSpan(start, length), _ages.AsSpan(start, length), _priors.AsSpan(start, length), _flags.AsSpan(start, length));
    }

    public void Clear() => Count = 0;

    /// <summary>Adds a row already in column form; see <see cref="EncounterColumns"/> for the meaning of each value.</summary>
    public void Add(DateOnly date, int substance, long amount, int unit, int? age, int prior, uint flags)
    {
        if ((uint)substance >= (uint)SubstanceVocabulary.Shared.All.Count) throw new ArgumentOutOfRangeException(nameof(substance));
        if ((uint)unit > (uint)Unit.All.Count) throw new ArgumentOutOfRangeException(nameof(unit));
        if (amount < 0 || amount > MaxAmount) throw new ArgumentOutOfRangeException(nameof(amount), $"An amount must be between 0 and {MaxAmount / EncounterFlags.AmountScale} units.");
        if (age is < 0 or >= EncounterFlags.AgeNotGiven) throw new ArgumentOutOfRangeException(nameof(age), $"An age must be between 0 and {EncounterFlags.AgeNotGiven - 1}.");
        if (prior is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(prior));
        if (Count == _dates.Length) Grow();
        var i = Count++;
        _dates[i] = date.DayNumber; _substances[i] = (ushort)substance; _amounts[i] = amount; _units[i] = (byte)unit;
        _ages[i] = age is { } a ? (byte)a : EncounterFlags.AgeNotGiven; _priors[i] = (ushort)prior; _flags[i] = flags;
    }

    /// <summary>
    /// The largest amount a row holds: a billion units. Up to it, amounts with six decimals convert to the engine's
    /// decimal quantities without rounding, which is what makes the two evaluators agree exactly.
    /// </summary>
    public const long MaxAmount = 1_000_000_000L * EncounterFlags.AmountScale;

    /// <summary>Adds an encounter with exactly one substance whose amount has at most six decimals.</summary>
    public void Add(Encounter encounter)
    {
        if (encounter.Items.Count != 1)
            throw new ArgumentException("A batch row holds one substance; split an encounter with several into the single-encounter engine.", nameof(encounter));
        if (encounter.Bought is not null || encounter.Window is not null)
            throw new ArgumentException("A batch row counts only the amount found as the amount bought, over one day.", nameof(encounter));
        var item = encounter.Items[0];
        long amount = 0;
        var unit = 0;
        if (item.Amount is { } q)
        {
            if (!TryScale(q, out amount, out var error)) throw new ArgumentException(error, nameof(encounter));
            unit = UnitSlot(q.Unit);
        }
        Add(encounter.Date, SubstanceVocabulary.Shared.IndexOf(item.Substance.Id), amount, unit, encounter.Age, encounter.Prior,
            EncounterFlags.Pack(encounter.Conduct, encounter.Dependence, encounter.Place, encounter.Resident, encounter.Rebutted, encounter.Outlet));
    }

    /// <summary>The amount column's value for <paramref name="q"/>: whole millionths of its unit, or why it does not fit.</summary>
    public static bool TryScale(Quantity q, out long amount, out string error)
    {
        var scaled = q.Value * EncounterFlags.AmountScale;
        amount = 0;
        error = scaled != decimal.Truncate(scaled) ? $"{q} has more than six decimals"
            : scaled > MaxAmount ? $"{q} is more than a billion {q.Unit.Symbol}"
            : "";
        if (error.Length > 0) return false;
        amount = (long)scaled;
        return true;
    }

    /// <summary>Row <paramref name="i"/> as an <see cref="Encounter"/> for the single-encounter engine.</summary>
    public Encounter this[int i] => ToEncounter(Columns, i);

    public static Encounter ToEncounter(in EncounterColumns columns, int i)
    {
        var flags = columns.Flags[i];
        Quantity? amount = columns.Units[i] == 0 ? null : new Quantity((decimal)columns.Amounts[i] / EncounterFlags.AmountScale, Unit.All[columns.Units[i] - 1]);
        return new Encounter
        {
            Date = DateOnly.FromDayNumber(columns.Dates[i]),
            Conduct = EncounterFlags.Conduct(flags),
            Items = [new Item(SubstanceVocabulary.Shared.All[columns.Substances[i]], amount)],
            Dependence = EncounterFlags.Dependence(flags),
            Age = columns.Ages[i] == EncounterFlags.AgeNotGiven ? null : columns.Ages[i],
            Prior = columns.Priors[i],
            Place = EncounterFlags.Place(flags),
            Resident = EncounterFlags.Resident(flags),
            Rebutted = EncounterFlags.Rebutted(flags),
            Outlet = EncounterFlags.Outlet(flags),
        };
    }

    /// <summary>The unit column's value for <paramref name="unit"/>: its position in <see cref="Unit.All"/> plus one.</summary>
    public static int UnitSlot(Unit unit)
    {
        for (var i = 0; i < Unit.All.Count; i++)
            if (ReferenceEquals(Unit.All[i], unit)) return i + 1;
        throw new ArgumentException($"Unknown unit {unit}.", nameof(unit));
    }

    private void Grow()
    {
        var n = _dates.Length * 2;
        Array.Resize(ref _dates, n); Array.Resize(ref _substances, n); Array.Resize(ref _amounts, n); Array.Resize(ref _units, n);
        Array.Resize(ref _ages, n); Array.Resize(ref _priors, n); Array.Resize(ref _flags, n);
    }
}
