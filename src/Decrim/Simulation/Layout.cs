using System.Globalization;

namespace Decrim.Simulation;

/// <summary>A reporting period: its label (<c>2024</c>, <c>2024-Q2</c>, <c>2024-05</c>) and days, <see cref="To"/> exclusive.</summary>
public sealed record ReportPeriod(string Label, DateOnly From, DateOnly To);

/// <summary>What a burden group is defined by.</summary>
public enum GroupDimension { Substance, Dependence, Visibility, Age, Income }

/// <summary>A group of people the burden is reported for: every person belongs to exactly one group of each dimension.</summary>
public sealed record PopulationGroup(GroupDimension Dimension, string Label);

/// <summary>
/// The shape of a run's outputs: the reporting periods of the horizon (with a day → period table, so counting an
/// event is one array read) and the burden groups, in a fixed order that every report follows.
/// </summary>
internal sealed class Layout
{
    public Layout(SimulationScenario scenario)
    {
        StartDay = scenario.Start.DayNumber;
        EndDay = scenario.End.DayNumber;
        var months = MonthsPer(scenario.Step);
        var periods = new List<ReportPeriod>();
        for (var from = scenario.Start; from < scenario.End; from = from.AddMonths(months))
        {
            var to = from.AddMonths(months);
            if (to > scenario.End) to = scenario.End;
            periods.Add(new ReportPeriod(Label(from, scenario.Step, scenario.Start), from, to));
        }
        Periods = periods;
        PeriodOfDay = new int[EndDay - StartDay];
        for (var p = 0; p < periods.Count; p++)
            for (var d = periods[p].From.DayNumber; d < periods[p].To.DayNumber; d++) PeriodOfDay[d - StartDay] = p;

        var pop = scenario.Population;
        var groups = new List<PopulationGroup>();
        groups.AddRange(pop.Substances.Select(s => new PopulationGroup(GroupDimension.Substance, s.Substance.Id)));
        groups.Add(new PopulationGroup(GroupDimension.Dependence, "dependent"));
        groups.Add(new PopulationGroup(GroupDimension.Dependence, "not dependent"));
        groups.Add(new PopulationGroup(GroupDimension.Visibility, "visible in public space"));
        groups.Add(new PopulationGroup(GroupDimension.Visibility, "not visible"));
        groups.AddRange(pop.Ages.Select(a => new PopulationGroup(GroupDimension.Age, a.Label)));
        groups.AddRange(IncomeLabels.Select(l => new PopulationGroup(GroupDimension.Income, l)));
        Groups = groups;
        DependenceGroup = pop.Substances.Count;
        VisibilityGroup = DependenceGroup + 2;
        AgeGroup = VisibilityGroup + 2;
        IncomeGroup = AgeGroup + pop.Ages.Count;
    }

    public int StartDay { get; }
    public int EndDay { get; }
    public IReadOnlyList<ReportPeriod> Periods { get; }
    public int[] PeriodOfDay { get; }
    public IReadOnlyList<PopulationGroup> Groups { get; }
    public int DependenceGroup { get; }
    public int VisibilityGroup { get; }
    public int AgeGroup { get; }
    public int IncomeGroup { get; }

    /// <summary>The length of one reporting period in months.</summary>
    public static int MonthsPer(ReportStep step) => step switch { ReportStep.Year => 12, ReportStep.Quarter => 3, _ => 1 };

    /// <summary>Income groups relative to the scenario's median income: below half, half to the median, up to twice, above.</summary>
    public static readonly string[] IncomeLabels = ["income below half the median", "income half the median to the median", "income the median to twice it", "income above twice the median"];

    public static int IncomeGroupOf(double income, double median) =>
        income < median / 2 ? 0 : income < median ? 1 : income < median * 2 ? 2 : 3;

    private static string Label(DateOnly from, ReportStep step, DateOnly start) => step switch
    {
        ReportStep.Year when start.Month == 1 && start.Day == 1 => from.Year.ToString(CultureInfo.InvariantCulture),
        ReportStep.Year => $"{from:yyyy-MM-dd}",
        ReportStep.Quarter when start.Day == 1 && (start.Month - 1) % 3 == 0 => $"{from.Year}-Q{(from.Month - 1) / 3 + 1}",
        ReportStep.Quarter => $"{from:yyyy-MM-dd}",
        _ => $"{from:yyyy-MM}",
    };
}
