using Decrim.Evaluation;
using Decrim.Policies;

namespace Decrim.Scenarios;

/// <summary>Runs a scenario against its policy and lists every expectation that does not hold (empty: it passes).</summary>
public static class ScenarioRunner
{
    public static IReadOnlyList<string> Run(Scenario scenario, Policy policy)
    {
        var failures = new List<string>();
        var e = scenario.Expect;
        Pathway pathway;
        try
        {
            pathway = Engine.Evaluate(policy, scenario.Encounter);
        }
        catch (EvaluationException ex)
        {
            if (e.Error is not null && ex.Message.Contains(e.Error, StringComparison.OrdinalIgnoreCase)) return [];
            return [$"evaluation failed: {ex.Message}"];
        }
        if (e.Error is not null) failures.Add($"expected an error containing \"{e.Error}\" but got a pathway");
        var kinds = pathway.Consequences.Select(c => c.Response.Kind.Name()).ToList();
        Check(failures, "version", e.Version, pathway.Version.Id);
        Check(failures, "criminal", e.Criminal, pathway.Criminal);
        Check(failures, "offence", e.Offence, Words.Name(pathway.Offence));
        Check(failures, "rule", e.Rule, pathway.Decisions[0].Rule.Id);
        if (e.Kinds is not null && !e.Kinds.SequenceEqual(kinds))
            failures.Add($"kinds: expected [{string.Join(", ", e.Kinds)}] but got [{string.Join(", ", kinds)}]");
        foreach (var k in e.Absent ?? [])
            if (kinds.Contains(k)) failures.Add($"kinds: expected no {k} but got [{string.Join(", ", kinds)}]");
        var fine = pathway.Consequences.FirstOrDefault(c => c.Response.Kind == ResponseKind.Fine);
        if (e.Fine is { } expectedFine)
        {
            var actual = fine?.Response.Amount.Max ?? fine?.Response.Amount.Min;
            if (actual != expectedFine) failures.Add($"fine: expected {expectedFine} but got {(actual?.ToString() ?? "no fine")}");
        }
        if (e.Escalation is not null)
        {
            var dates = fine?.Escalation.Select(x => x.Date).ToList() ?? [];
            if (!e.Escalation.SequenceEqual(dates))
                failures.Add($"escalation: expected [{string.Join(", ", e.Escalation.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}] but got [{string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}]");
        }
        var police = pathway.Police.Select(p => Words.Name(p.Instruction.Instruction)).ToList();
        foreach (var p in e.Police ?? [])
            if (!police.Contains(p)) failures.Add($"police: expected {p} among [{string.Join(", ", police)}]");
        return failures;
    }

    private static void Check<T>(List<string> failures, string what, T? expected, T actual)
    {
        if (expected is not null && !EqualityComparer<T>.Default.Equals(expected, actual))
            failures.Add($"{what}: expected {expected} but got {actual}");
    }

    private static void Check(List<string> failures, string what, bool? expected, bool actual)
    {
        if (expected is { } x && x != actual) failures.Add($"{what}: expected {x.ToString().ToLowerInvariant()} but got {actual.ToString().ToLowerInvariant()}");
    }
}
