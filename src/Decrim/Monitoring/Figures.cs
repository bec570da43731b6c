namespace Decrim.Monitoring;

/// <summary>
/// One published number: how many reports of a jurisdiction's quarter had an act (or an act with a finding), and the
/// share. <see cref="Count"/> and <see cref="Share"/> are null when the cell is suppressed.
/// </summary>
public sealed record Cell(string Key, ActKind? Act, Finding? Finding, int? Count, double? Share)
{
    public bool Suppressed => Count is null;
}

/// <summary>A jurisdiction's published figures for one quarter. When fewer reports than the minimum came in, only that is said.</summary>
public sealed record QuarterFigures(string Jurisdiction, Quarter Quarter, int? Reports, IReadOnlyList<Cell> Cells)
{
    public bool Suppressed => Reports is null;
}

/// <summary>
/// The cells each report adds to, and the rules that decide what of them may be published.
/// <para>
/// A report counts once in "reports", once per act kind it names, once per act kind and finding, and once in
/// "any act beyond the law" when it has one. Counts are kept per jurisdiction and quarter and nothing finer: no region,
/// week, setting or personal detail is ever published.
/// </para>
/// <para>
/// Suppression (<see cref="Publish"/>): a count from 1 to minimum − 1 is sensitive. A quarter with fewer reports than
/// the minimum publishes nothing but that fact. A count is suppressed when it or its complement (what it leaves of its
/// total: reports without the act, or the act's reports with another finding — anyone can subtract) is sensitive. The
/// three findings of an act add up to the act's count, so when one of them is suppressed a second one is too
/// (complementary suppression), and a suppressed act count suppresses its findings. "Any act beyond the law" is bounded
/// by the acts' beyond-the-law counts and equals one of them whenever the other acts have none, so it is suppressed
/// with them and they with it. The same table is computed the same way whatever
/// was asked (one quarter, one jurisdiction, every jurisdiction as CSV), so two overlapping queries return the same
/// cells and differencing them yields nothing.
/// </para>
/// </summary>
public static class Figures
{
    public const string ReportsKey = "reports";
    public static readonly string AnyBeyondKey = "any/" + Finding.BeyondTheLaw.Name();
    public const int DefaultMinimum = 5;
    /// <summary>No configuration may publish cells smaller than this.</summary>
    public const int Floor = 3;

    private static readonly ActKind[] AllActs = Enum.GetValues<ActKind>();
    private static readonly Finding[] AllFindings = Enum.GetValues<Finding>();

    public static string Key(ActKind act) => act.Name();
    public static string Key(ActKind act, Finding finding) => act.Name() + "/" + finding.Name();

    /// <summary>The cells one report adds one to, each once.</summary>
    public static IEnumerable<string> Keys(ReportFindings findings)
    {
        yield return ReportsKey;
        foreach (var a in findings.Acts)
        {
            yield return Key(a.Act.Kind);
            yield return Key(a.Act.Kind, a.Finding);
        }
        if (findings.AnyBeyondTheLaw) yield return AnyBeyondKey;
    }

    /// <summary>The first day a quarter's figures are published: the quarter must be over and late reports given <paramref name="graceDays"/> to arrive. Published figures never change after that.</summary>
    public static DateOnly PublishedFrom(Quarter quarter, int graceDays) => quarter.Last.AddDays(1 + graceDays);

    public static bool IsPublished(Quarter quarter, DateOnly today, int graceDays) => today >= PublishedFrom(quarter, graceDays);

    /// <summary>Applies primary and complementary suppression to one jurisdiction-quarter's raw counts.</summary>
    public static QuarterFigures Publish(string jurisdiction, Quarter quarter, IReadOnlyDictionary<string, long> counts, int minimum)
    {
        if (minimum < Floor) throw new ArgumentOutOfRangeException(nameof(minimum), $"the minimum cell size is at least {Floor}, not {minimum}.");
        int Get(string key) => counts.TryGetValue(key, out var v) ? checked((int)v) : 0;
        bool Sensitive(int v) => v >= 1 && v < minimum;

        var n = Get(ReportsKey);
        if (n < minimum)
            return new(jurisdiction, quarter, null, []);

        var beyond = Array.IndexOf(AllFindings, Finding.BeyondTheLaw);
        var rows = AllActs.Select(act =>
        {
            var c = Get(Key(act));
            var parts = AllFindings.Select(f => Get(Key(act, f))).ToArray();
            // A count is hidden when it is small, or when what it leaves of its total is small (anyone can subtract).
            var hiddenC = Sensitive(c) || Sensitive(n - c);
            var hidden = parts.Select(p => hiddenC || Sensitive(p) || Sensitive(c - p)).ToArray();
            return (Act: act, Count: c, HiddenCount: hiddenC, Parts: parts, Hidden: hidden);
        }).ToArray();
        foreach (var row in rows) Complement(row.Parts, row.Hidden);

        var r = Get(AnyBeyondKey);
        // "Any act beyond the law" lies between the largest and the sum of the acts' beyond-the-law counts, and equals
        // one of them when no other act has any; so it is hidden with them, and they with it.
        var hiddenR = Sensitive(r) || Sensitive(n - r) || rows.Any(row => row.Hidden[beyond]);
        if (hiddenR)
            foreach (var row in rows.Where(row => !row.Hidden[beyond]))
            {
                row.Hidden[beyond] = true;
                Complement(row.Parts, row.Hidden);
            }

        var cells = new List<Cell>();
        foreach (var row in rows)
        {
            cells.Add(new(Key(row.Act), row.Act, null, row.HiddenCount ? null : row.Count, row.HiddenCount ? null : Share(row.Count, n)));
            for (var i = 0; i < AllFindings.Length; i++)
                cells.Add(new(Key(row.Act, AllFindings[i]), row.Act, AllFindings[i], row.Hidden[i] ? null : row.Parts[i],
                    row.Hidden[i] ? null : Share(row.Parts[i], row.Count)));
        }
        cells.Add(new(AnyBeyondKey, null, Finding.BeyondTheLaw, hiddenR ? null : r, hiddenR ? null : Share(r, n)));
        return new(jurisdiction, quarter, n, cells);
    }

    /// <summary>The findings of an act add up to its count: one hidden finding alone would be the count minus the others, so a second one (the smallest) is hidden with it.</summary>
    private static void Complement(int[] parts, bool[] hidden)
    {
        if (hidden.Count(h => h) != 1) return;
        var next = Enumerable.Range(0, parts.Length).Where(i => !hidden[i]).MinBy(i => parts[i]);
        hidden[next] = true;
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
