using System.Globalization;
using Decrim.Policies;
using Decrim.Substances;
using YamlDotNet.RepresentationModel;

namespace Decrim.Simulation;

/// <summary>
/// Reads a simulation scenario strictly, as policies are read: unknown keys are errors, every problem is a
/// <see cref="Diagnostic"/> at file, line and column, and a scenario is returned only when there are none. Every
/// parameter is written <c>{ value: …, source: id, pinpoint: … }</c> or <c>{ value: …, assumption: "why" }</c>; a
/// parameter with neither, or with a source the file does not list, is an error. docs/simulation.md describes the format.
/// </summary>
public static class SimulationScenarioReader
{
    public const int MaxPeriods = 64;
    public const int MaxPopulation = 100_000_000;
    public const int MaxReplications = 10_000;

    public static (SimulationScenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string fileName)
    {
        var file = new PolicyFile(fileName);
        var (root, error) = PolicyFile.Load(text, fileName, "\"name\", \"policy\", \"start\", \"years\", \"population\", \"enforcement\" and \"behaviour\"");
        if (root is null) return (null, [error!]);
        var scenario = new Reader(file).ReadScenario(root);
        return file.HasErrors ? (null, file.Diagnostics) : (scenario, []);
    }

    public static (SimulationScenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics) ReadFile(string path)
    {
        try { return Read(System.IO.File.ReadAllText(path), path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new Diagnostic(new SourcePosition(path, 1, 1), $"cannot read the file: {e.Message}")]);
        }
    }

    private sealed class Reader(PolicyFile file)
    {
        private readonly List<ParameterNote> _notes = [];
        private IReadOnlyDictionary<string, Source> _sources = new Dictionary<string, Source>();
        private string _currency = "XXX";

        public SimulationScenario? ReadScenario(YamlNode root)
        {
            using var m = YamlMap.Of(root, file, "the scenario");
            if (m is null) return null;
            var name = m.String("name", required: true);
            var description = m.String("description");
            var policy = m.String("policy", required: true);
            if (policy is not null && !PolicyReader.JurisdictionCode().IsMatch(policy))
                file.Error(m.Get("policy")!, $"\"policy\" must be a catalogue code such as NO, PT or US-OR, not \"{policy}\".");
            var start = m.Date("start", required: true);
            var years = m.Int("years", min: 1);
            if (years is null && !m.Has("years")) m.Require("years");
            var step = m.Enum("step", Steps) ?? ReportStep.Year;
            var replications = m.Int("replications", min: 1) ?? 1;
            if (replications > MaxReplications) file.Error(m.Get("replications")!, $"\"replications\" may be at most {MaxReplications:N0}.");
            var seedNode = m.Get("seed");
            ulong seed = 1;
            if (seedNode is YamlScalarNode { Value: { } sv } && ulong.TryParse(sv, NumberStyles.None, CultureInfo.InvariantCulture, out var s)) seed = s;
            else if (seedNode is not null) file.Error(seedNode, "\"seed\" must be a whole number of at least 0.");
            _currency = m.String("currency", required: true) ?? "XXX";
            if (!Money.TryParse("1 " + _currency, out _, out _)) file.Error(m.Get("currency")!, $"\"currency\" must be an ISO 4217 code such as NOK or USD, not \"{_currency}\".");
            _sources = PolicyReader.ReadSources(file, m.Sequence("sources"));
            var rates = Param(m, "exchange-rates", "exchange-rates", ExchangeRates, required: false) ?? new Dictionary<string, decimal>();

            if (years is { } y && start is { } st && PeriodsIn(y, step) > MaxPeriods)
                file.Error(m.Get("step") ?? m.Get("years")!, $"{y} years in {step.ToString().ToLowerInvariant()}s is {PeriodsIn(y, step)} periods; at most {MaxPeriods} are reported (use a longer step).");

            var population = ReadPopulation(m.Require("population"));
            var enforcement = ReadEnforcement(m.Require("enforcement"));
            var behaviour = ReadBehaviour(m.Require("behaviour"));
            var defaults = ReadDefaults(m.Get("defaults"));
            var costs = ReadCosts(m.Get("costs"));
            var calibration = ReadCalibration(m.Sequence("calibration"));
            if (start is { } first && years is { } count && PeriodsIn(count, step) <= MaxPeriods)
                CheckWindows(m.Sequence("calibration").ToList(), calibration, first, count, step);
            if (name is null || policy is null || start is null || years is null || population is null || enforcement is null || behaviour is null) return null;
            return new SimulationScenario
            {
                Name = name, Description = description, Policy = policy, Start = start.Value, Years = years.Value, Step = step,
                Replications = replications, Seed = seed, Currency = _currency, ExchangeRates = rates,
                Population = population, Enforcement = enforcement, Behaviour = behaviour, Defaults = defaults, Costs = costs,
                Calibration = calibration, Sources = _sources, Parameters = _notes, File = file.Name,
            };
        }

        private static readonly IReadOnlyDictionary<string, ReportStep> Steps = new Dictionary<string, ReportStep>
        {
            ["year"] = ReportStep.Year, ["quarter"] = ReportStep.Quarter, ["month"] = ReportStep.Month,
        };

        private static int PeriodsIn(int years, ReportStep step) => years * 12 / Layout.MonthsPer(step);

        private Population? ReadPopulation(YamlNode? node)
        {
            using var m = YamlMap.Of(node, file, "\"population\"");
            if (m is null) return null;
            var size = Param(m, "size", "population.size", (n, k) => Whole(n, k, 1, MaxPopulation), required: true);
            var shares = Param(m, "substances", "population.substances", (n, k) => Shares(n, k, SubstanceKey), required: true);
            var dependent = Param(m, "dependent", "population.dependent", (n, k) => Table(n, k, SubstanceKey, Probability), required: true);
            var ages = Param(m, "ages", "population.ages", (n, k) => Shares(n, k, AgeKey), required: true);
            var visible = Param(m, "visible", "population.visible", (n, k) => Table(n, k, x => x is "dependent" or "other" ? x : null, Probability, "dependent, other"), required: true);
            var income = Param(m, "income", "population.income", ReadIncome, required: true);
            var amounts = new Dictionary<string, AmountDistribution>(StringComparer.Ordinal);
            var amountsNode = m.Require("amounts");
            using (var am = YamlMap.Of(amountsNode, file, "\"population.amounts\""))
            {
                if (am is not null)
                    foreach (var (k, _) in ((YamlMappingNode)am.Node).Children)
                    {
                        var id = (k as YamlScalarNode)?.Value ?? "";
                        if (SubstanceKey(id) is null) { am.Get(id); file.Error(k, $"\"{id}\" is not a substance; known: {SubstanceVocabulary.Shared.KnownNames}."); continue; }
                        var substance = SubstanceVocabulary.Shared[id];
                        if (Param(am, id, $"population.amounts.{id}", (n, key) => ReadAmount(n, key, substance), required: true) is { } a) amounts[id] = a;
                    }
            }
            if (shares is null || dependent is null || ages is null || visible is null || income is null || size is null) return null;
            var list = new List<SubstanceShare>();
            foreach (var (id, share) in shares)
            {
                var substance = SubstanceVocabulary.Shared[id];
                if (!dependent.TryGetValue(id, out var dep)) { file.Error(m.Get("dependent")!, $"\"population.dependent\" gives no share for {id}, which \"population.substances\" lists."); continue; }
                if (!amounts.TryGetValue(id, out var amount)) { file.Error(amountsNode ?? m.Node, $"\"population.amounts\" gives no amount for {id}, which \"population.substances\" lists."); continue; }
                list.Add(new SubstanceShare(substance, share, dep, amount));
            }
            var bands = new List<AgeBand>();
            foreach (var (label, share) in ages)
            {
                var parts = label.Split('-');
                bands.Add(new AgeBand(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), share));
            }
            return new Population(size.Value, list, bands, visible["dependent"], visible["other"], income);
        }

        private IncomeDistribution? ReadIncome(YamlNode node, string key)
        {
            using var m = YamlMap.Of(node, file, $"\"{key}\"");
            if (m is null) return null;
            var median = m.Require("median") is { } mn ? MoneyIn(mn, key + ".median") : null;
            var spread = m.Require("spread") is { } sp ? Number(sp, key + ".spread", 0, 5) : null;
            var dependent = m.Get("dependent") is { } d ? Number(d, key + ".dependent", 0, 1000) : 1;
            var visible = m.Get("visible") is { } v ? Number(v, key + ".visible", 0, 1000) : 1;
            return median is null || spread is null || dependent is null || visible is null ? null
                : new IncomeDistribution(median.Value, spread.Value, dependent.Value, visible.Value);
        }

        private AmountDistribution? ReadAmount(YamlNode node, string key, Substance substance)
        {
            using var m = YamlMap.Of(node, file, $"\"{key}\"");
            if (m is null) return null;
            Quantity? median = null;
            if (m.Require("median") is { } mn)
            {
                if (mn is YamlScalarNode { Value: { } t } && Quantity.TryParse(t, out var q, out var error))
                {
                    if (q.Value <= 0) file.Error(mn, $"\"{key}.median\" must be more than zero.");
                    else if (!substance.Accepts(q.Unit)) file.Error(mn, $"{substance.Id} is not measured in {q.Unit.Symbol}; use {string.Join(", ", substance.Units)}.");
                    else median = q;
                }
                else file.Error(mn, $"\"{key}.median\" must be an amount such as \"1 g\".");
            }
            var spread = m.Require("spread") is { } sp ? Number(sp, key + ".spread", 0, 5) : null;
            return median is null || spread is null ? null : new AmountDistribution(median.Value, spread.Value);
        }

        private Enforcement? ReadEnforcement(YamlNode? node)
        {
            using var m = YamlMap.Of(node, file, "\"enforcement\"");
            if (m is null) return null;
            var rates = Param(m, "encounters", "enforcement.encounters", (n, k) => Table(n, k, x => x is "base" or "dependent" or "visible" or "young" ? x : null, (v, kk) => Number(v, kk, 0, 365), "base, dependent, visible, young"), required: true);
            var search = Param(m, "search", "enforcement.search", Probability, required: true);
            var found = Param(m, "found-without-search", "enforcement.found-without-search", Probability, required: true);
            var known = Param(m, "dependence-known", "enforcement.dependence-known", Probability, required: true);
            var compliance = Param(m, "compliance", "enforcement.compliance", (n, k) => Table(n, k, x => IdPattern.IsMatch(x) ? x : null, Probability, "do-not-stop, deprioritise, do-not-search or an instruction's id"), required: false)
                ?? new Dictionary<string, double>();
            var trend = Param(m, "trend", "enforcement.trend", (n, k) => Table(n, k, x => DateOnly.TryParseExact(x, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? x : null, (v, kk) => Number(v, kk, 0, 100), "a date written YYYY-MM-DD"), required: false)
                ?? new Dictionary<string, double>();
            if (rates is null || search is null || found is null || known is null) return null;
            if (!rates.ContainsKey("base")) { file.Error(m.Get("encounters")!, "\"enforcement.encounters\" needs a \"base\" rate (potential contacts per person-year)."); return null; }
            return new Enforcement(rates["base"], rates.GetValueOrDefault("dependent", 1), rates.GetValueOrDefault("visible", 1), rates.GetValueOrDefault("young", 1),
                search.Value, found.Value, known.Value, compliance)
            {
                Trend = [.. trend.Select(kv => (DateOnly.ParseExact(kv.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture), kv.Value)).OrderBy(x => x.Item1)],
            };
        }

        private Behaviour? ReadBehaviour(YamlNode? node)
        {
            using var m = YamlMap.Of(node, file, "\"behaviour\"");
            if (m is null) return null;
            var pay = Param(m, "pay", "behaviour.pay", ReadPayment, required: true);
            var attend = Param(m, "attend", "behaviour.attend", Probability, required: true);
            var complete = Param(m, "complete-treatment", "behaviour.complete-treatment", Probability, required: true);
            var referral = Param(m, "take-referral", "behaviour.take-referral", Probability, required: true);
            var waives = Param(m, "referral-waives-fine", "behaviour.referral-waives-fine", Flag, required: false) ?? false;
            var discretion = Param(m, "discretion", "behaviour.discretion", (n, k) => n is YamlScalarNode
                    ? Probability(n, k) is { } p ? new Dictionary<string, double> { ["default"] = p } : null
                    : Table(n, k, x => x == "default" || ResponseKinds.Words.ContainsKey(x) ? x : null, Probability, "default, " + string.Join(", ", ResponseKinds.Words.Keys)), required: true);
            var convicted = Param(m, "convicted", "behaviour.convicted", Probability, required: true);
            if (pay is null || attend is null || complete is null || referral is null || discretion is null || convicted is null) return null;
            if (!discretion.TryGetValue("default", out var byDefault)) { file.Error(m.Get("discretion")!, "\"behaviour.discretion\" needs a \"default\" probability."); return null; }
            return new Behaviour(pay, attend.Value, complete.Value, referral.Value, waives, byDefault,
                discretion.Where(kv => kv.Key != "default").ToDictionary(kv => ResponseKinds.Words[kv.Key], kv => kv.Value), convicted.Value);
        }

        private PaymentCurve? ReadPayment(YamlNode node, string key)
        {
            using var m = YamlMap.Of(node, file, $"\"{key}\"");
            if (m is null) return null;
            var max = Probability(m.Require("max") ?? m.Node, key + ".max");
            var half = Number(m.Require("half-at") ?? m.Node, key + ".half-at", 1e-6, 1000);
            var steep = Number(m.Require("steepness") ?? m.Node, key + ".steepness", 0, 50);
            return max is null || half is null || steep is null ? null : new PaymentCurve(max.Value, half.Value, steep.Value);
        }

        private Defaults ReadDefaults(YamlNode? node)
        {
            using var m = YamlMap.Of(node, file, "\"defaults\"");
            if (m is null) return new Defaults(null, null, null, null);
            return new Defaults(
                Param<Money?>(m, "fine", "defaults.fine", (n, k) => MoneyIn(n, k) is { } a ? new Money(a, _currency) : null, required: false),
                Param(m, "imprisonment", "defaults.imprisonment", PeriodValue, required: false),
                Param(m, "detention", "defaults.detention", PeriodValue, required: false),
                Param(m, "treatment", "defaults.treatment", PeriodValue, required: false));
        }

        private Costs ReadCosts(YamlNode? node)
        {
            using var m = YamlMap.Of(node, file, "\"costs\"");
            if (m is null) return new Costs(null, 0, null, null, null, null, null);
            decimal? Cost(string key) => Param(m, key, "costs." + key, MoneyIn, required: false);
            var policeHour = Cost("police-hour");
            var hours = Param(m, "hours-per-encounter", "costs.hours-per-encounter", (n, k) => Number(n, k, 0, 1000), required: policeHour is not null) ?? 0;
            return new Costs(policeHour, hours, Cost("court-case"), Cost("prison-day"), Cost("detention-day"), Cost("treatment-episode"), Cost("appearance"));
        }

        private List<CalibrationTarget> ReadCalibration(IEnumerable<YamlNode> nodes)
        {
            var targets = new List<CalibrationTarget>();
            foreach (var node in nodes)
            {
                using var m = YamlMap.Of(node, file, "a calibration target");
                if (m is null) continue;
                var figure = m.String("figure", required: true);
                var value = m.Require("value") is { } v ? Number(v, "value", 0, 1e12) : null;
                var tolerance = m.Require("tolerance") is { } t ? Number(t, "tolerance", 0, 1e12) : null;
                var of = ReadWindow(m.Require("of"), "of");
                var to = ReadWindow(m.Require("to"), "to");
                var provenance = ReadProvenance(m);
                if (figure is null || value is null || tolerance is null || of is null || to is null || provenance is null) continue;
                targets.Add(new CalibrationTarget(figure, value.Value, tolerance.Value, of, to, provenance));
            }
            return targets;
        }

        /// <summary>Calibration windows sum whole reporting periods, so each end must be the start of a period (or the end of the horizon).</summary>
        private void CheckWindows(List<YamlNode> nodes, List<CalibrationTarget> targets, DateOnly start, int years, ReportStep step)
        {
            var months = Layout.MonthsPer(step);
            var end = start.AddYears(years);
            var bounds = new HashSet<DateOnly>();
            for (var d = start; d <= end; d = d.AddMonths(months)) bounds.Add(d);
            bounds.Add(end);
            if (nodes.Count != targets.Count) return; // a target already has an error
            for (var i = 0; i < targets.Count; i++)
                foreach (var w in new[] { targets[i].Of, targets[i].To })
                    foreach (var d in new[] { w.From, w.To }.OfType<DateOnly>())
                        if (!bounds.Contains(d))
                            file.Error(nodes[i], $"the calibration window date {d:yyyy-MM-dd} is not the start of a reporting {step.ToString().ToLowerInvariant()} between {start:yyyy-MM-dd} and {end:yyyy-MM-dd}; windows sum whole periods.");
        }

        private MetricWindow? ReadWindow(YamlNode? node, string key)
        {
            using var m = YamlMap.Of(node, file, $"\"{key}\"");
            if (m is null) return null;
            var name = m.String("metric", required: true);
            var from = m.Date("from");
            var to = m.Date("to");
            if (from is not null && to is not null && to <= from) file.Error(m.Get("to")!, $"\"to\" ({to:yyyy-MM-dd}) must be after \"from\" ({from:yyyy-MM-dd}).");
            if (name is null) return null;
            if (!Metrics.TryParse(name, out var metric)) { file.Error(m.Get("metric")!, $"\"{name}\" is not an output; known: {Metrics.Names}."); return null; }
            return new MetricWindow(metric, from, to);
        }

        /// <summary>Reads <c>key: { value: …, source|assumption: … }</c> with <paramref name="read"/> for the value, and records the note.</summary>
        private T? Param<T>(YamlMap parent, string key, string path, Func<YamlNode, string, T?> read, bool required)
        {
            var node = required ? parent.Require(key) : parent.Get(key);
            if (node is null) return default;
            using var m = YamlMap.Of(node, file, $"\"{path}\"");
            if (m is null) return default;
            var valueNode = m.Require("value");
            var provenance = ReadProvenance(m);
            if (valueNode is null || provenance is null) return default;
            var value = read(valueNode, path);
            if (value is not null) _notes.Add(new ParameterNote(path, Text(valueNode), provenance));
            return value;
        }

        private Provenance? ReadProvenance(YamlMap m)
        {
            var source = m.String("source");
            var pinpoint = m.String("pinpoint");
            var assumption = m.String("assumption");
            if (source is not null && !_sources.ContainsKey(source))
            {
                file.Error(m.Get("source")!, $"source \"{source}\" is not in the scenario's \"sources\" list.");
                return null;
            }
            if ((source is null) == (assumption is null))
            {
                file.Error(m.Node, source is null
                    ? "every parameter needs a \"source\" (an id from \"sources\") or an \"assumption\" saying why the value was chosen."
                    : "a parameter has either a \"source\" or an \"assumption\", not both.");
                return null;
            }
            if (pinpoint is not null && source is null) file.Error(m.Get("pinpoint")!, "\"pinpoint\" needs a \"source\".");
            return new Provenance(source, pinpoint, assumption);
        }

        private static string Text(YamlNode node) => node switch
        {
            YamlScalarNode s => s.Value ?? "",
            YamlMappingNode map => string.Join(", ", map.Children.Select(kv => $"{Text(kv.Key)}: {Text(kv.Value)}")),
            YamlSequenceNode seq => string.Join(", ", seq.Children.Select(Text)),
            _ => "",
        };

        private static readonly System.Text.RegularExpressions.Regex IdPattern = new("^[a-z0-9][a-z0-9.-]*$");

        private static string? SubstanceKey(string id) => SubstanceVocabulary.Shared.TryGet(id, out _) ? id : null;

        private static string? AgeKey(string label)
        {
            var parts = label.Split('-');
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a <= b && b <= 120 ? label : null;
        }

        /// <summary>A mapping of keys to shares that sum to 1 (within 0.001), keys checked by <paramref name="keyOf"/>; no two age bands may overlap.</summary>
        private Dictionary<string, double>? Shares(YamlNode node, string key, Func<string, string?> keyOf)
        {
            var table = Table(node, key, keyOf, Probability);
            if (table is null) return null;
            var sum = table.Values.Sum();
            if (Math.Abs(sum - 1) > 0.001) { file.Error(node, $"the shares in \"{key}\" add up to {sum.ToString("0.###", CultureInfo.InvariantCulture)}, not 1."); return null; }
            if (keyOf == AgeKey)
            {
                var bands = table.Keys.Select(k => k.Split('-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()).OrderBy(b => b[0]).ToList();
                for (var i = 1; i < bands.Count; i++)
                    if (bands[i][0] <= bands[i - 1][1]) { file.Error(node, $"the age bands in \"{key}\" overlap ({bands[i - 1][0]}-{bands[i - 1][1]} and {bands[i][0]}-{bands[i][1]})."); return null; }
            }
            return table;
        }

        private Dictionary<string, double>? Table(YamlNode node, string key, Func<string, string?> keyOf, Func<YamlNode, string, double?> valueOf, string? expected = null)
        {
            if (node is not YamlMappingNode map || map.Children.Count == 0)
            {
                file.Error(node, $"\"{key}\" must be a mapping such as {{ {expected?.Split(", ")[0] ?? "heroin"}: 0.5 }}.");
                return null;
            }
            var table = new Dictionary<string, double>(StringComparer.Ordinal);
            var ok = true;
            foreach (var (k, v) in map.Children)
            {
                var name = (k as YamlScalarNode)?.Value ?? "";
                if (keyOf(name) is null)
                {
                    file.Error(k, expected is null
                        ? $"\"{name}\" is not a valid key in \"{key}\"{(keyOf == AgeKey ? "; write an age band such as 18-24" : "; known substances: " + SubstanceVocabulary.Shared.KnownNames)}."
                        : $"\"{name}\" is not a valid key in \"{key}\"; expected one of: {expected}.");
                    ok = false;
                    continue;
                }
                if (valueOf(v, $"{key}.{name}") is { } value) table[name] = value;
                else ok = false;
            }
            return ok ? table : null;
        }

        private Dictionary<string, decimal>? ExchangeRates(YamlNode node, string key)
        {
            if (node is not YamlMappingNode map) { file.Error(node, $"\"{key}\" must be a mapping such as {{ USD: 87.5 }} (units of the scenario's currency per unit)."); return null; }
            var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (k, v) in map.Children)
            {
                var code = (k as YamlScalarNode)?.Value ?? "";
                if (!Money.TryParse("1 " + code, out _, out _)) { file.Error(k, $"\"{code}\" is not an ISO 4217 currency code."); continue; }
                if (Number(v, $"{key}.{code}", 1e-9, 1e12) is { } r) rates[code] = (decimal)r;
            }
            return rates;
        }

        private int? Whole(YamlNode node, string key, int min, int max)
        {
            if (node is YamlScalarNode { Value: { } v } && int.TryParse(v.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= min && i <= max) return i;
            file.Error(node, $"\"{key}\" must be a whole number from {min:N0} to {max:N0}.");
            return null;
        }

        private double? Number(YamlNode node, string key, double min, double max)
        {
            if (node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max && double.IsFinite(d)) return d;
            file.Error(node, $"\"{key}\" must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}{Found(node)}.");
            return null;
        }

        private double? Probability(YamlNode node, string key) => Number(node, key, 0, 1);

        private bool? Flag(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: "true" or "false" } s) return s.Value == "true";
            file.Error(node, $"\"{key}\" must be true or false.");
            return null;
        }

        private decimal? MoneyIn(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } t } && Money.TryParse(t, out var money, out _))
            {
                if (money.Currency == _currency) return money.Amount;
                file.Error(node, $"\"{key}\" is in {money.Currency}; write it in the scenario's currency, {_currency}.");
                return null;
            }
            file.Error(node, $"\"{key}\" must be an amount of money such as \"100 {_currency}\"{Found(node)}.");
            return null;
        }

        private Period? PeriodValue(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } t } && Period.TryParse(t, out var p, out _) && p.Value > 0) return p;
            file.Error(node, $"\"{key}\" must be a period such as \"30 days\" or \"6 months\"{Found(node)}.");
            return null;
        }

        private static string Found(YamlNode node) => node is YamlScalarNode { Value: { } v } ? $" (found \"{v}\")" : "";
    }
}
