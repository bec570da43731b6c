using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Classification;

/// <summary>
/// Derives a jurisdiction's model from its rules, never from a label. For each substance group (opioids,
/// stimulants, cannabis) and population (non-dependent adult, dependent adult, minor) it evaluates a probe
/// encounter — possession of a small amount, in public, first contact — and reads the pathway:
/// <list type="bullet">
/// <item>lawful possession → legal regulation;</item>
/// <item>a criminal offence whose punishment a court, prosecutor or police instruction waives or deprioritises →
/// depenalisation, or police diversion when a referral replaces it (de facto: the statute is unchanged);</item>
/// <item>a criminal offence punished by statute → prohibition;</item>
/// <item>an administrative offence or no offence → decriminalisation: with diversion when a referral or mandatory
/// appearance comes with sanctions (fines, detention, compulsory treatment, licence loss — including those a body
/// may impose in the person's absence), with administrative sanctions when sanctions come without diversion, police
/// diversion when police refer and nothing else follows, and no sanctions when neither.</item>
/// </list>
/// </summary>
public static class Classifier
{
    private static readonly (string Group, string Substance)[] Probes =
        [("opioids", "heroin"), ("stimulants", "cocaine"), ("cannabis", "cannabis-herb")];

    private static readonly (string Population, int Age, Dependence Dependence)[] Populations =
        [("adults", 30, Dependence.NotDependent), ("dependent adults", 30, Dependence.Dependent), ("minors", 16, Dependence.NotDependent)];

    private static readonly Instruction[] Deprioritising =
        [Instruction.Deprioritise, Instruction.DoNotProsecute, Instruction.DoNotArrest, Instruction.DoNotStop];

    public static Classification Classify(Policy policy, DateOnly date)
    {
        var version = policy.VersionAt(date)
            ?? throw new EvaluationException($"{policy.Code} has no version in force on {date:yyyy-MM-dd}.");
        var cells = new List<Cell>();
        foreach (var (group, substanceId) in Probes)
        {
            var substance = SubstanceVocabulary.Shared[substanceId];
            foreach (var (population, age, dependence) in Populations)
            {
                var encounter = Probe.Possession(date, substance, Probe.SmallAmount(version, substance), age, dependence);
                if (Probe.TryEvaluate(policy, encounter) is not { } pathway) continue;
                var (model, deJure, reasons) = Read(pathway, version, substanceId);
                cells.Add(new Cell(group, population, model, deJure, reasons, pathway));
            }
        }
        if (cells.Count == 0) throw new EvaluationException($"{policy.Code} {version.Id} has no rule for possession to classify.");
        var (headline, scope) = Headline(cells);
        return new Classification(policy, version, date, headline.Model, headline.DeJure, scope, cells);
    }

    /// <summary>Each version classified at its first day, for <c>decrim timeline</c>.</summary>
    public static IReadOnlyList<Classification> Timeline(Policy policy) =>
        policy.Versions.Select(v => Classify(policy, v.From)).ToList();

    private static (Model, bool DeJure, IReadOnlyList<string>) Read(Pathway p, PolicyVersion version, string substance)
    {
        var reasons = new List<string>();
        var decision = p.Decisions[0];
        var rule = decision.Rule;
        var responses = p.Consequences.Select(c => c.Response).ToList();
        var all = responses.Concat(responses.SelectMany(r => r.InAbsence)).ToList();
        var kinds = all.Select(r => r.Kind).ToList();
        var sanctions = kinds.Where(k => k.IsSanction()).Distinct().ToList();
        var diversion = kinds.Where(k => k.IsDiversion()).Distinct().ToList();
        var deprioritised = p.Police.Where(n => Deprioritising.Contains(n.Instruction.Instruction) && !n.Instruction.By.IsDeJure()).ToList();
        reasons.Add($"rule \"{rule.Id}\" decides: {Words.Name(rule.Offence)} offence ({Words.Name(rule.Basis)}); pathway: {string.Join(", ", kinds.Select(k => k.Name()).Distinct())}");

        if (rule.Offence == Offence.Lawful)
        {
            var outlets = version.Supply.Where(o => o.Substances.Contains(substance)).Select(o => Words.Name(o.Type)).ToList();
            reasons.Add(outlets.Count > 0 ? $"lawful, with regulated supply: {string.Join(", ", outlets)}" : "lawful possession (no regulated outlet)");
            return (Model.LegalRegulation, rule.Basis.IsDeJure(), reasons);
        }
        if (rule.Offence == Offence.Criminal)
        {
            var waivedByException = rule.Depth > 0 && rule.Basis != Basis.Statute && !responses.Any(r => r.Kind is ResponseKind.CriminalCharge or ResponseKind.Imprisonment);
            if (waivedByException || deprioritised.Count > 0)
            {
                reasons.Add(waivedByException
                    ? $"still a criminal offence in statute, but the {Words.Name(rule.Basis)} exception \"{rule.Id}\" waives prosecution"
                    : $"still a criminal offence, but enforcement is deprioritised by instruction ({string.Join(", ", deprioritised.Select(n => n.Instruction.Id))})");
                if (diversion.Count > 0)
                {
                    reasons.Add($"diversion: {string.Join(", ", diversion.Select(k => k.Name()))}");
                    return (Model.PoliceDiversion, false, reasons);
                }
                return (Model.Depenalisation, false, reasons);
            }
            if (!p.Criminal && diversion.Count > 0)
            {
                reasons.Add("the statute lets police divert instead of charging");
                return (Model.PoliceDiversion, true, reasons);
            }
            reasons.Add("a criminal offence punished under statute");
            return (Model.Prohibition, true, reasons);
        }
        if (sanctions.Count > 0) reasons.Add($"sanctions: {string.Join(", ", sanctions.Select(k => k.Name()))}");
        if (diversion.Count > 0) reasons.Add($"diversion: {string.Join(", ", diversion.Select(k => k.Name()))}");
        var deJure = rule.Basis.IsDeJure();
        if (sanctions.Count > 0 && diversion.Count > 0) return (Model.DecriminalisationWithDiversion, deJure, reasons);
        if (sanctions.Count > 0) return (Model.DecriminalisationWithAdministrativeSanctions, deJure, reasons);
        if (diversion.Count > 0)
        {
            var byPolice = all.Any(r => r.Kind.IsDiversion() && r.By is { } by && (by.Contains("police", StringComparison.OrdinalIgnoreCase) || by.Contains("prosecutor", StringComparison.OrdinalIgnoreCase)));
            return (byPolice ? Model.PoliceDiversion : Model.DecriminalisationWithDiversion, deJure, reasons);
        }
        reasons.Add("no sanction and no diversion");
        return (Model.DecriminalisationWithNoSanctions, deJure, reasons);
    }

    /// <summary>
    /// The headline is the reform model for drugs other than cannabis, for adults, as typologies report it.
    /// Police diversion is a power, not a default: where police or prosecutors can divert some adults to health
    /// or social services instead of charging or sanctioning them, the headline is police diversion for those
    /// adults (seed 003, Table 1: "police have the power to divert people intercepted with small quantities"),
    /// and the cells still show what happens to everyone else. Otherwise the headline is the model for
    /// non-dependent adults, then for dependent adults only; if only cannabis is reformed, "cannabis only".
    /// </summary>
    private static (Cell Cell, string Scope) Headline(List<Cell> cells)
    {
        Cell? Find(string population, bool cannabis, Model? model = null) =>
            cells.FirstOrDefault(c => c.Population == population && (c.Group == "cannabis") == cannabis && c.Model != Model.Prohibition && (model is null || c.Model == model));
        var adults = Find("adults", false);
        if (adults?.Model != Model.PoliceDiversion && Find("dependent adults", false, Model.PoliceDiversion) is { } diverted)
            return (diverted, adults is null ? "dependent adults only" : $"dependent adults; other adults: {adults.Model.Title().ToLowerInvariant()}");
        if (adults is not null)
            return (adults, cells.Where(c => c.Group == "cannabis" && c.Population == "adults").All(c => c.Model == adults.Model) ? "all drugs" : "drugs other than cannabis");
        if (Find("dependent adults", false) is { } dependent)
            return (dependent, "dependent adults only");
        if (Find("adults", true) is { } cannabis)
            return (cannabis, "cannabis only");
        return (cells[0], "all drugs");
    }
}
