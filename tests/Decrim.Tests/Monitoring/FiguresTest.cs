using Decrim.Monitoring;

namespace Decrim.Tests.Monitoring;

public sealed class FiguresTest
{
    private static readonly Quarter Q = new(2026, 3);

    private static ReportFindings Report(params (ActKind Act, Finding Finding)[] acts) =>
        new("v", null, "", acts.Select(a => new ActFinding(new Act(a.Act), a.Finding, "")).ToList());

    /// <summary>Raw counts of a set of reports, exactly as the store keeps them.</summary>
    internal static Dictionary<string, long> Count(IEnumerable<ReportFindings> reports)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in reports)
            foreach (var key in Figures.Keys(r)) counts[key] = counts.GetValueOrDefault(key) + 1;
        return counts;
    }

    [Fact]
    public void Publish_FewerReportsThanTheMinimum_PublishesNothingButThat()
    {
        var t = Figures.Publish("NO", Q, Count(Enumerable.Repeat(Report((ActKind.Fine, Finding.ProvidedByLaw)), 4)), 5);
        Assert.True(t.Suppressed);
        Assert.Empty(t.Cells);
    }

    [Fact]
    public void Publish_LargeCells_AreExact()
    {
        var reports = Enumerable.Repeat(Report((ActKind.Stopped, Finding.NotCovered)), 10)
            .Concat(Enumerable.Repeat(Report((ActKind.Stopped, Finding.NotCovered), (ActKind.Fine, Finding.BeyondTheLaw)), 10));
        var t = Figures.Publish("NO", Q, Count(reports), 5);
        Assert.Equal(20, t.Reports);
        Assert.Equal(20, t.Cells.Single(c => c.Key == "stopped").Count);
        Assert.Equal(10, t.Cells.Single(c => c.Key == "fine").Count);
        Assert.Equal(0.5, t.Cells.Single(c => c.Key == "fine").Share);
        Assert.Equal(10, t.Cells.Single(c => c.Key == "fine/beyond-the-law").Count);
        Assert.Equal(10, t.Cells.Single(c => c.Key == Figures.AnyBeyondKey).Count);
    }

    [Fact]
    public void Publish_OneSmallFinding_HidesASecondOne()
    {
        // 12 fines: 9 provided, 3 beyond, 0 not covered. The 3 is hidden, and so must be another finding, or 12 − 9 − 0 gives it away.
        var reports = Enumerable.Repeat(Report((ActKind.Fine, Finding.ProvidedByLaw)), 9)
            .Concat(Enumerable.Repeat(Report((ActKind.Fine, Finding.BeyondTheLaw)), 3))
            .Concat(Enumerable.Repeat(Report((ActKind.Stopped, Finding.NotCovered)), 8));
        var t = Figures.Publish("NO", Q, Count(reports), 5);
        Assert.Equal(12, t.Cells.Single(c => c.Key == "fine").Count);
        Assert.Equal(2, t.Cells.Count(c => c.Act == ActKind.Fine && c.Finding is not null && c.Suppressed));
        Assert.True(t.Cells.Single(c => c.Key == Figures.AnyBeyondKey).Suppressed);
    }

    [Fact]
    public void Publish_MinimumBelowThree_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Figures.Publish("NO", Q, new Dictionary<string, long>(), 2));

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(11)]
    public void Publish_DifferencingAttack_RecoversNoHiddenCellAndNoSmallNumber(int minimum)
    {
        var random = new Random(7 + minimum);
        var kinds = new[] { ActKind.Stopped, ActKind.SearchedBody, ActKind.Fine, ActKind.Confiscation, ActKind.Detention };
        var findings = Enum.GetValues<Finding>();
        var hiddenSeen = 0;
        for (var round = 0; round < 3000; round++)
        {
            var n = random.Next(0, 60);
            var reports = new List<ReportFindings>();
            for (var i = 0; i < n; i++)
            {
                // Skewed: a few acts are common and the rest rare, so small cells and small complements both occur.
                var acts = kinds.Where((k, j) => random.NextDouble() < (j switch { 0 => 0.9, 1 => 0.5, 2 => 0.15, 3 => 0.05, _ => 0.02 }))
                    .Select(k => (k, findings[random.Next(random.NextDouble() < 0.7 ? 1 : 3)])).ToArray();
                reports.Add(Report(acts.Length == 0 ? [(ActKind.Stopped, Finding.NotCovered)] : acts));
            }
            var truth = Count(reports);
            var table = Figures.Publish("NO", Q, truth, minimum);
            hiddenSeen += table.Cells.Count(c => c.Suppressed);
            Attack(table, truth, minimum);
        }
        Assert.True(hiddenSeen > 1000, "the random tables should exercise suppression");
    }

    /// <summary>
    /// What an attacker can do with every published number (and the same table is published for every query that
    /// covers it): solve each sum with one unknown, use the bounds on "any act beyond the law", and subtract from totals.
    /// No hidden cell may be solved, and no number between 1 and the minimum may come out of a subtraction.
    /// </summary>
    internal static void Attack(QuarterFigures table, IReadOnlyDictionary<string, long> truth, int minimum)
    {
        bool Small(long v) => v >= 1 && v < minimum;
        if (table.Suppressed) return;
        var n = table.Reports!.Value;
        var known = table.Cells.ToDictionary(c => c.Key, c => (long?)c.Count);
        foreach (var c in table.Cells.Where(c => !c.Suppressed)) Assert.Equal(truth.GetValueOrDefault(c.Key), (long)c.Count!.Value);
        var acts = table.Cells.Where(c => c.Finding is null && c.Act is not null).Select(c => c.Act!.Value).ToList();
        var findings = Enum.GetValues<Finding>();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var a in acts)
            {
                var total = known[Figures.Key(a)];
                var parts = findings.Select(f => known[Figures.Key(a, f)]).ToArray();
                if (total is { } t && parts.Count(p => p is null) == 1)
                {
                    var i = Array.FindIndex(parts, p => p is null);
                    known[Figures.Key(a, findings[i])] = t - parts.Where(p => p is not null).Sum(p => p!.Value);
                    changed = true;
                }
                else if (total is null && parts.All(p => p is not null))
                {
                    known[Figures.Key(a)] = parts.Sum(p => p!.Value);
                    changed = true;
                }
            }
            var beyond = acts.Select(a => known[Figures.Key(a, Finding.BeyondTheLaw)]).ToList();
            if (known[Figures.AnyBeyondKey] is null && beyond.All(b => b is not null) && beyond.Max() == beyond.Sum())
            {
                known[Figures.AnyBeyondKey] = beyond.Max();
                changed = true;
            }
            if (known[Figures.AnyBeyondKey] is { } r && beyond.Count(b => b is null) == 1 && beyond.All(b => b is null or 0))
            {
                known[Figures.Key(acts[beyond.FindIndex(b => b is null)], Finding.BeyondTheLaw)] = r;
                changed = true;
            }
        }
        foreach (var c in table.Cells.Where(c => c.Suppressed))
            Assert.True(known[c.Key] is null, $"the hidden cell {c.Key} = {truth.GetValueOrDefault(c.Key)} was recovered by differencing");
        foreach (var a in acts)
        {
            if (known[Figures.Key(a)] is not { } c) continue;
            Assert.False(Small(n - c), $"{n - c} reports without {a} can be worked out");
            var hiddenSum = c - findings.Select(f => known[Figures.Key(a, f)]).Where(p => p is not null).Sum(p => p!.Value);
            Assert.False(Small(hiddenSum), $"the hidden findings of {a} add up to {hiddenSum}");
        }
        if (known[Figures.AnyBeyondKey] is { } any) Assert.False(Small(n - any), $"{n - any} reports with nothing beyond the law can be worked out");
    }
}
