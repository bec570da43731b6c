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
/// the minimum publishes nothing but that fact. An act's count is suppressed when it or its complement (reports
/// without the act, which anyone can compute from the total) is sensitive. The three findings of an act add up to the
/// act's count, so when one of them is suppressed a second one is too (complementary suppression), and a suppressed act
/// count suppresses its findings. "Any act beyond the law" equals an act's beyond-the-law count whenever the other acts
/// have none, so it is suppressed whenever any beyond-the-law cell is. The same table is computed the same way whatever
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

        var cells = new List<Cell>();
        var anyBeyondHidden = false;
        foreach (var act in AllActs)
        {
            var c = Get(Key(act));
            var hidden = Sensitive(c) || Sensitive(n - c);
            cells.Add(new(Key(act), act, null, hidden ? null : c, hidden ? null : Share(c, n)));

            var parts = AllFindings.Select(f => (Finding: f, Count: Get(Key(act, f)))).ToArray();
            var suppressed = parts.Select(p => hidden || Sensitive(p.Count)).ToArray();
            if (suppressed.Count(s => s) == 1)
            {
                // Complementary: with the act's count published, one hidden finding would be the count minus the others.
                var next = Enumerable.Range(0, parts.Length).Where(i => !suppressed[i]).MinBy(i => parts[i].Count);
                suppressed[next] = true;
            }
            for (var i = 0; i < parts.Length; i++)
            {
                cells.Add(new(Key(act, parts[i].Finding), act, parts[i].Finding, suppressed[i] ? null : parts[i].Count,
                    suppressed[i] ? null : Share(parts[i].Count, c)));
                if (suppressed[i] && parts[i].Finding == Finding.BeyondTheLaw) anyBeyondHidden = true;
            }
        }
        var r = Get(AnyBeyondKey);
        var rHidden = anyBeyondHidden || Sensitive(r) || Sensitive(n - r);
        cells.Add(new(AnyBeyondKey, null, Finding.BeyondTheLaw, rHidden ? null : r, rHidden ? null : Share(r, n)));
        return new(jurisdiction, quarter, n, cells);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
