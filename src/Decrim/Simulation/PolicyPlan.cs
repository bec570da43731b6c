using Decrim.Batch;
using Decrim.Evaluation;
using Decrim.Policies;

namespace Decrim.Simulation;

/// <summary>
/// A policy made ready for simulation: compiled for batch evaluation, and each rule's consequences turned into
/// plans with amounts in the scenario's currency, durations in days and escalation steps, so realising a
/// consequence reads arrays and never the YAML model. Built once per run; any response the simulator cannot
/// realise (a fine with no amount and no default, a currency with no rate) is reported here, before the run.
/// </summary>
internal sealed class PolicyPlan
{
    public SimulatedPolicy Source { get; }
    public CompiledPolicy Compiled { get; }
    /// <summary>Per rule index of <see cref="Compiled"/>: its consequences.</summary>
    public ResponsePlan[][] Rules { get; }
    /// <summary>
    /// Per rule index, per police bit of its version: the probability that police follow the instruction by not
    /// making the contact (do-not-stop, deprioritise) and by not searching (do-not-search); 0 for other instructions.
    /// </summary>
    public (double[] Stop, double[] Search)[] Police { get; }

    private PolicyPlan(SimulatedPolicy source, CompiledPolicy compiled, ResponsePlan[][] rules, (double[], double[])[] police)
    {
        Source = source;
        Compiled = compiled;
        Rules = rules;
        Police = police;
    }

    public static PolicyPlan Build(SimulatedPolicy source, SimulationScenario scenario)
    {
        var compiled = CompiledPolicy.Compile(source.Policy);
        var problems = new List<string>();
        var rules = new ResponsePlan[compiled.Rules.Count][];
        var police = new (double[], double[])[compiled.Rules.Count];
        var compliance = scenario.Enforcement.Compliance;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = compiled.Rules[i];
            var version = compiled.VersionOf(PathwayCode.ForRule(i, 0));
            var where = $"{source.Policy.Code} {version.Id}, rule {rule.Id}";
            var relevant = version.From < scenario.End && (version.To is null || version.To > scenario.Start) && rule.Conducts.Contains(Conduct.Possession);
            rules[i] = [.. rule.Then.Select(r => Plan(r, scenario, where, relevant ? problems : null, source.Policy.Currency))];
            var count = Math.Min(version.Police.Count, 32);
            var (stop, search) = (new double[count], new double[count]);
            for (var b = 0; b < count; b++)
            {
                var instruction = version.Police[b];
                // An instruction's own id (Norway's no-phone-search) takes precedence over its kind.
                var p = compliance.TryGetValue(instruction.Id, out var byId) ? byId : compliance.GetValueOrDefault(Words.Name(instruction.Instruction));
                if (instruction.Instruction is Instruction.DoNotStop or Instruction.Deprioritise) stop[b] = p;
                else if (instruction.Instruction == Instruction.DoNotSearch) search[b] = p;
            }
            police[i] = (stop, search);
        }
        if (problems.Count > 0) throw new SimulationException(string.Join(Environment.NewLine, problems.Distinct()));
        return new PolicyPlan(source, compiled, rules, police);
    }

    /// <param name="problems">Where to report what cannot be realised; null for rules outside the horizon or not about possession, which are never reached.</param>
    private static ResponsePlan Plan(Response r, SimulationScenario scenario, string where, List<string>? problems, string? policyCurrency)
    {
        double min = 0, max = 0;
        if (r.Kind == ResponseKind.Fine)
        {
            var low = r.Amount.Min ?? r.Amount.Max;
            var high = r.Amount.Max ?? r.Amount.Min;
            if (low is null || high is null)
            {
                if (scenario.Defaults.Fine is { } f) (min, max) = (Convert(f, scenario, where, problems), Convert(f, scenario, where, problems));
                else problems?.Add($"{where}: the fine has no amount; give one in the scenario as defaults.fine.");
            }
            else (min, max) = (Convert(low.Value, scenario, where, problems), Convert(high.Value, scenario, where, problems));
        }
        else if (r.Kind is ResponseKind.Imprisonment or ResponseKind.CompulsoryDetention or ResponseKind.CompulsoryTreatment)
        {
            var fallback = r.Kind switch
            {
                ResponseKind.Imprisonment => scenario.Defaults.Imprisonment,
                ResponseKind.CompulsoryDetention => scenario.Defaults.Detention,
                _ => scenario.Defaults.Treatment,
            };
            var low = r.Duration.Min ?? (r.Duration.Max is not null ? new Period(0, PeriodUnit.Day) : fallback);
            var high = r.Duration.Max ?? r.Duration.Min ?? fallback;
            if (low is null || high is null)
            {
                if (r.Kind != ResponseKind.CompulsoryTreatment)
                    problems?.Add($"{where}: the {r.Kind.Name()} has no duration; give one in the scenario as defaults.{(r.Kind == ResponseKind.Imprisonment ? "imprisonment" : "detention")}.");
            }
            else (min, max) = ((double)low.Value.ApproximateDays, (double)high.Value.ApproximateDays);
        }
        var steps = r.Escalation is { } e
            ? e.Steps.Select(s => new StepPlan(s.After, s.FromDue, (double)(s.Multiply ?? 1m), [.. s.Then.Select(t => Plan(t, scenario, where, problems, policyCurrency))], e.Rounding)).ToArray()
            : [];
        return new ResponsePlan(r.Kind, r.Criminal, r.Discretionary, min, max, r.PayWithin, r.Expiable, steps,
            [.. r.InAbsence.Select(a => Plan(a, scenario, where, problems, policyCurrency))]);
    }

    private static double Convert(Money m, SimulationScenario scenario, string where, List<string>? problems)
    {
        if (m.Currency == scenario.Currency) return (double)m.Amount;
        if (scenario.ExchangeRates.TryGetValue(m.Currency, out var rate)) return (double)(m.Amount * rate);
        problems?.Add($"{where}: a fine is in {m.Currency} but the scenario counts in {scenario.Currency}; add {m.Currency} to exchange-rates.");
        return 0;
    }
}

/// <summary>One consequence ready to realise: amounts in the scenario's currency, durations in days.</summary>
internal sealed record ResponsePlan(ResponseKind Kind, bool Criminal, bool Discretionary, double Min, double Max, Period? PayWithin, bool Expiable, StepPlan[] Steps, ResponsePlan[] InAbsence);

/// <summary>One escalation step of a fine.</summary>
internal sealed record StepPlan(Period After, bool FromDue, double Multiply, ResponsePlan[] Then, MonthRounding Rounding);

/// <summary>A policy to simulate under a label: the baseline's, another jurisdiction's, or one changed by a reform.</summary>
public sealed record SimulatedPolicy(string Label, string Description, Policy Policy)
{
    /// <summary>The scenario's own policy, as the catalogue encodes it, followed by each reform applied to it: what every front door runs.</summary>
    public static IReadOnlyList<SimulatedPolicy> For(SimulationScenario scenario, IEnumerable<Reform> reforms, Func<string, Policy> load)
    {
        var baseline = load(scenario.Policy);
        var policies = new List<SimulatedPolicy> { new($"{baseline.Code} (baseline)", $"{baseline.Name} as encoded in the catalogue, each version on its dates", baseline) };
        foreach (var reform in reforms) policies.Add(reform.Apply(baseline, load));
        if (policies.Select(p => p.Label).Distinct().Count() != policies.Count)
            throw new SimulationException("two policies have the same name; give each reform its own \"name\".");
        return policies;
    }
}

/// <summary>A scenario, reform or policy the simulator cannot run as given: the message says what to change.</summary>
public sealed class SimulationException(string message) : Exception(message);
