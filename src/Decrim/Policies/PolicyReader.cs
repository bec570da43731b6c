using System.Text.RegularExpressions;
using Decrim.Substances;
using YamlDotNet.RepresentationModel;

namespace Decrim.Policies;

/// <summary>
/// Reads a policy file into a validated <see cref="Policy"/>. Never throws on bad input: every problem becomes a
/// <see cref="Diagnostic"/> with file, line and column, and a policy is returned only when there are none.
/// The YAML document model stops here; nothing past this class sees YAML.
/// </summary>
public static partial class PolicyReader
{
    public static (Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string fileName)
    {
        var file = new PolicyFile(fileName);
        var (root, error) = PolicyFile.Load(text, fileName, "a policy with \"jurisdiction\", \"sources\" and \"versions\"");
        if (root is null) return (null, [error!]);

        var policy = new Reader(file).ReadPolicy(root);
        return file.HasErrors ? (null, file.Diagnostics) : (policy, []);
    }

    public static (Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics) ReadFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new Diagnostic(new SourcePosition(path, 1, 1), $"cannot read the file: {e.Message}")]);
        }
        return Read(text, path);
    }

    [GeneratedRegex("^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]
    internal static partial Regex JurisdictionCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex IdPattern();

    private static readonly IReadOnlySet<Conduct> DefaultThresholdConducts =
        new HashSet<Conduct> { Conduct.Use, Conduct.Possession, Conduct.Cultivation, Conduct.Purchase };

    /// <summary>A "sources" list as policies, scenarios and reforms write it: each with an id, title, optional url (then an accessed date), date and note.</summary>
    internal static Dictionary<string, Source> ReadSources(PolicyFile file, IEnumerable<YamlNode> nodes)
    {
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            using var m = YamlMap.Of(node, file, "a source");
            if (m is null) continue;
            var id = Id(file, m);
            var title = m.String("title", required: true);
            var url = m.String("url");
            var accessed = m.Date("accessed");
            var date = m.Date("date");
            var note = m.String("note");
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
                file.Error(m.Get("url")!, $"\"url\" must be an absolute address such as https://…, not \"{url}\".");
            if (url is not null && accessed is null)
                file.Error(m.Node, $"source \"{id}\" has a url but no \"accessed\" date; say when it was read.");
            if (id is null || title is null) continue;
            if (!sources.TryAdd(id, new Source(id, title, url, accessed, date, note, m.Position)))
                file.Error(m.Get("id")!, $"source id \"{id}\" is used twice; each source needs its own id.");
        }
        return sources;
    }

    /// <summary>The required "id" key: lower-case letters, digits, dots and hyphens.</summary>
    internal static string? Id(PolicyFile file, YamlMap m)
    {
        var id = m.String("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
            file.Error(m.Get("id")!, $"id \"{id}\" must be lower-case letters, digits, dots and hyphens.");
        return id;
    }

    private sealed class Reader(PolicyFile file)
    {
        private readonly SubstanceVocabulary _vocabulary = SubstanceVocabulary.Shared;
        private IReadOnlyDictionary<string, Source> _sources = new Dictionary<string, Source>();

        public Policy? ReadPolicy(YamlNode root)
        {
            using var m = YamlMap.Of(root, file, "the policy");
            if (m is null) return null;
            var code = m.String("jurisdiction", required: true);
            if (code is not null && !JurisdictionCode().IsMatch(code))
                file.Error(m.Get("jurisdiction")!, $"\"{code}\" is not an ISO 3166 code; expected e.g. NO, PT, US-OR, CA-BC or AU-ACT.");
            var expected = Path.GetFileNameWithoutExtension(file.Name);
            if (code is not null && JurisdictionCode().IsMatch(expected) && expected != code)
                file.Error(m.Get("jurisdiction")!, $"the file {Path.GetFileName(file.Name)} must hold jurisdiction {expected}, not {code}.");
            var name = m.String("name", required: true);
            var currency = m.String("currency");
            if (currency is not null && !Regex.IsMatch(currency, "^[A-Z]{3}$"))
                file.Error(m.Get("currency")!, $"\"currency\" must be an ISO 4217 code such as NOK or USD.");
            _sources = ReadSources(m.Sequence("sources", required: true));
            var versions = ReadVersions(m.Sequence("versions", required: true));
            var measures = ReadMeasures(m.Sequence("measures"));
            return code is null || name is null ? null : new Policy
            {
                Code = code, Name = name, Currency = currency, Sources = _sources, Versions = versions, Measures = measures, File = file.Name,
            };
        }

        private Dictionary<string, Source> ReadSources(IEnumerable<YamlNode> nodes) => PolicyReader.ReadSources(file, nodes);

        private List<PolicyVersion> ReadVersions(IEnumerable<YamlNode> nodes)
        {
            var versions = new List<PolicyVersion>();
            foreach (var node in nodes)
            {
                var v = ReadVersion(node);
                if (v is null) continue;
                if (versions.Any(x => x.Id == v.Id)) file.Error(v.Position, $"version id \"{v.Id}\" is used twice.");
                versions.Add(v);
            }
            for (var i = 0; i < versions.Count; i++)
            {
                var v = versions[i];
                if (v.To is { } to && to <= v.From)
                    file.Error(v.Position, $"version \"{v.Id}\" ends ({to:yyyy-MM-dd}) on or before it starts ({v.From:yyyy-MM-dd}).");
                if (i == versions.Count - 1) break;
                var next = versions[i + 1];
                if (next.From <= v.From)
                    file.Error(next.Position, $"version \"{next.Id}\" starts {next.From:yyyy-MM-dd}, not after \"{v.Id}\" ({v.From:yyyy-MM-dd}); list versions in date order.");
                else if (v.To is null)
                    file.Error(v.Position, $"version \"{v.Id}\" has no \"to\" date but is followed by \"{next.Id}\"; set \"to: {next.From:yyyy-MM-dd}\".");
                else if (v.To < next.From)
                    file.Error(next.Position, $"gap: no version covers {v.To:yyyy-MM-dd} to {next.From.AddDays(-1):yyyy-MM-dd}; \"{v.Id}\" ends {v.To:yyyy-MM-dd} (exclusive) but \"{next.Id}\" starts {next.From:yyyy-MM-dd}.");
                else if (v.To > next.From)
                    file.Error(next.Position, $"overlap: \"{next.Id}\" starts {next.From:yyyy-MM-dd} but \"{v.Id}\" runs until {v.To:yyyy-MM-dd} (exclusive).");
            }
            return versions;
        }

        private PolicyVersion? ReadVersion(YamlNode node)
        {
            using var m = YamlMap.Of(node, file, "a version");
            if (m is null) return null;
            var id = Id(m);
            var from = m.Date("from", required: true);
            var to = m.Date("to");
            var decided = m.Date("decided");
            var published = m.Date("published");
            var basis = m.Enum("basis", Words.Bases, required: true);
            var verified = m.Date("verified", required: true);
            var summary = m.String("summary", required: true);
            var citation = ReadCitation(m, null);
            var thresholds = m.Sequence("thresholds").Select(ReadThreshold).OfType<Threshold>().ToList();
            var rules = new List<RuleNode>();
            var ruleIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in m.Sequence("rules", required: true))
            {
                var rule = ReadRule(r, null, basis ?? Basis.Statute, ruleIds, thresholds);
                if (rule is not null) rules.Add(rule);
            }
            CheckBaseRules(rules);
            var police = m.Sequence("police").Select(n => ReadPolice(n, thresholds)).OfType<PoliceInstruction>().ToList();
            var supply = m.Sequence("supply").Select(n => ReadOutlet(n, basis ?? Basis.Statute)).OfType<Outlet>().ToList();
            if (id is null || from is null || basis is null || verified is null || summary is null) return null;
            return new PolicyVersion
            {
                Id = id, From = from.Value, To = to, Decided = decided, Published = published, Basis = basis.Value,
                Verified = verified.Value, Summary = summary, Citation = citation, Thresholds = thresholds, Rules = rules,
                Police = police, Supply = supply, Position = m.Position,
            };
        }

        private void CheckBaseRules(List<RuleNode> rules)
        {
            var owner = new Dictionary<Conduct, RuleNode>();
            foreach (var rule in rules)
                foreach (var c in rule.Conducts)
                    if (!owner.TryAdd(c, rule))
                        file.Error(rule.Position, $"rule \"{rule.Id}\" is a second base rule for \"{Words.Name(c)}\" (the first is \"{owner[c].Id}\"); write the difference as an exception of \"{owner[c].Id}\".");
        }

        private Threshold? ReadThreshold(YamlNode node)
        {
            using var m = YamlMap.Of(node, file, "a threshold");
            if (m is null) return null;
            var tier = m.String("tier") ?? Threshold.DefaultTier;
            var meaning = m.Enum("meaning", Words.Meanings, required: true);
            var conducts = Conducts(m, "conduct") ?? DefaultThresholdConducts;
            var max = m.Int("max-substances", min: 1);
            var cumulative = m.Bool("cumulative") ?? false;
            var substances = m.Has("substances") || max is null ? SubstanceSet(m, "substances", required: max is null) : null;
            var amountNode = m.Get("amount");
            Quantity? amount = null;
            if (amountNode is not null)
            {
                var error = "not a single value";
                if (amountNode is YamlScalarNode s && Quantity.TryParse(s.Value, out var q, out error)) amount = q;
                else file.Error(amountNode, $"\"amount\" must be a quantity with a unit such as \"5 g\" or \"3 blotters\" ({error}).");
            }
            var inclusive = m.Bool("inclusive") ?? true;
            var citation = ReadCitation(m, null);
            var note = m.String("note");
            ThresholdShape shape;
            if (max is not null)
            {
                shape = ThresholdShape.MaxSubstances;
                if (amountNode is not null) file.Error(amountNode, "a \"max-substances\" threshold counts substances and takes no \"amount\".");
            }
            else if (meaning == ThresholdMeaning.JudgeDecides)
            {
                shape = ThresholdShape.None;
                if (amountNode is not null) file.Error(amountNode, "a \"judge-decides\" entry means no quantity is set, so it takes no \"amount\".");
            }
            else
            {
                shape = cumulative ? ThresholdShape.Cumulative : ThresholdShape.PerSubstance;
                if (amountNode is null) file.Error(m.Node, "a threshold needs an \"amount\" (or \"meaning: judge-decides\" when the law sets none).");
                if (amount is { } a && substances is not null)
                    foreach (var id in substances.Order(StringComparer.Ordinal))
                        if (_vocabulary.TryGet(id, out var sub) && !sub.Accepts(a.Unit))
                            file.Error(amountNode!, $"{id} is not measured in {a.Unit.Symbol}; its units are {string.Join(", ", sub.Units)}.");
            }
            if (meaning is null) return null;
            if (!inclusive && amountNode is null) file.Error(m.Get("inclusive")!, "\"inclusive\" only applies to a threshold with an \"amount\".");
            return new Threshold(tier, shape, substances ?? new HashSet<string>(), amount, max, meaning.Value, conducts, citation, note, m.Position) { Inclusive = inclusive };
        }

        private RuleNode? ReadRule(YamlNode node, RuleNode? parent, Basis versionBasis, HashSet<string> ids, List<Threshold> thresholds)
        {
            using var m = YamlMap.Of(node, file, parent is null ? "a rule" : "an exception");
            if (m is null) return null;
            var id = Id(m);
            if (id is not null && !ids.Add(id)) file.Error(m.Get("id")!, $"rule id \"{id}\" is used twice in this version.");
            var conducts = Conducts(m, "conduct");
            if (parent is null && conducts is null) file.Error(m.Node, "a base rule needs \"conduct\": the conducts it covers (use, possession, …).");
            var offence = m.Enum("offence", Words.Offences, required: parent is null) ?? parent?.Offence ?? Offence.Criminal;
            var basis = m.Enum("basis", Words.Bases) ?? parent?.Basis ?? versionBasis;
            var whenNode = m.Get("when");
            var when = whenNode is null ? Condition.Always : ReadCondition(whenNode, thresholds);
            if (parent is not null && when.IsAlways)
                file.Error(m.Node, $"exception \"{id}\" has no \"when\" condition, so it would always override \"{parent.Id}\"; state when it applies.");
            if (conducts is not null && parent is not null && !conducts.IsSubsetOf(parent.Conducts))
                file.Error(m.Get("conduct")!, $"exception \"{id}\" names conducts its parent \"{parent.Id}\" does not cover.");
            var citation = ReadCitation(m, null);
            var note = m.String("note");
            var then = m.Sequence("then", required: true).Select(n => ReadResponse(n, citation)).OfType<Response>().ToList();
            var exceptionNodes = m.Sequence("exceptions").ToList();
            if (id is null) return null;
            var effectiveConducts = conducts ?? parent?.Conducts ?? new HashSet<Conduct>();
            var path = parent is null ? when : parent.Path.And(when);
            var rule = new RuleNode
            {
                Id = id, Conducts = effectiveConducts, When = when, Path = path, Offence = offence, Basis = basis, Then = then,
                Citation = citation, Note = note, Position = m.Position, Depth = parent is null ? 0 : parent.Depth + 1,
            };
            if (parent is not null && !parent.Path.CanHoldWith(when))
                file.Error(m.Position, $"exception \"{id}\" can never apply: its condition ({when.Describe()}) contradicts \"{parent.Id}\" ({parent.Path.Describe()}).");
            var children = new List<RuleNode>();
            foreach (var childNode in exceptionNodes)
            {
                var child = ReadRule(childNode, rule, versionBasis, ids, thresholds);
                if (child is null) continue;
                var shadow = children.FirstOrDefault(earlier => child.Path.Implies(earlier.When) && child.Conducts.IsSubsetOf(earlier.Conducts));
                if (shadow is not null)
                    file.Error(child.Position, $"exception \"{child.Id}\" can never apply: the earlier exception \"{shadow.Id}\" ({shadow.When.Describe()}) always applies first; put \"{child.Id}\" before it or narrow it.");
                children.Add(child);
            }
            rule.Exceptions = children;
            return rule;
        }

        private Condition ReadCondition(YamlNode node, List<Threshold> thresholds)
        {
            using var m = YamlMap.Of(node, file, "a \"when\" condition");
            if (m is null) return Condition.Always;
            var c = Condition.Always;
            var subs = m.Has("substance") ? SubstanceSet(m, "substance", required: false) : null;
            if (subs is not null) c = c with { Substances = subs };
            if (Conducts(m, "conduct") is { } conducts) c = c with { Conducts = conducts };
            var tier = m.String("tier");
            var q = m.Get("quantity");
            if (q is not null)
            {
                var state = file.EnumValue(q, "quantity", new Dictionary<string, QuantityState>
                {
                    ["within"] = QuantityState.Within, ["above"] = QuantityState.Above, ["unspecified"] = QuantityState.Unspecified,
                });
                c = c with { Quantity = state, Tier = tier ?? Threshold.DefaultTier };
                if (!thresholds.Any(t => t.Tier == (tier ?? Threshold.DefaultTier)))
                    file.Error(m.Get("tier") ?? q, tier is null
                        ? "the condition tests \"quantity\" but this version defines no thresholds; add \"thresholds\" first."
                        : $"the condition tests tier \"{tier}\" but no threshold has \"tier: {tier}\".");
            }
            else if (tier is not null) file.Error(m.Get("tier")!, "\"tier\" only makes sense with \"quantity\".");
            var age = Range(m, "age");
            var prior = Range(m, "prior");
            if (m.Bool("first-offence") is { } first) prior = prior.Intersect(first ? new IntRange(0, 0) : new IntRange(1, int.MaxValue));
            c = c with { Age = age, Prior = prior, Dependent = m.Bool("dependent"), Resident = m.Bool("resident") };
            var places = Place.None;
            foreach (var (text, n) in m.List("place"))
                places |= file.EnumValue(n, "place", Words.Places) ?? Place.None;
            var notPlaces = Place.None;
            foreach (var (text, n) in m.List("not-place"))
                notPlaces |= file.EnumValue(n, "not-place", Words.Places) ?? Place.None;
            c = c with { Places = (places == Place.None ? Place.All : places) & ~notPlaces };
            var outlets = m.List("outlet").Select(x => file.EnumValue(x.Node, "outlet", Words.Outlets)).OfType<OutletType>().ToHashSet();
            if (outlets.Count > 0) c = c with { Outlets = outlets };
            var purchase = PurchaseStatus.None;
            foreach (var (text, n) in m.List("purchase"))
                purchase |= file.EnumValue(n, "purchase", Words.PurchaseStatuses) ?? PurchaseStatus.None;
            if (purchase != PurchaseStatus.None) c = c with { Purchase = purchase };
            return c;
        }

        private IntRange Range(YamlMap m, string key)
        {
            var node = m.Get(key);
            if (node is null) return IntRange.Any;
            if (node is YamlScalarNode { Value: { } v } && IntRange.TryParse(v, out var r)) return r;
            file.Error(node, $"\"{key}\" must be a number or a comparison such as \"< 18\", \">= 21\" or \"18-20\".");
            return IntRange.Any;
        }

        private Response? ReadResponse(YamlNode node, Citation inherited)
        {
            if (node is YamlScalarNode { Value: { } word })
            {
                var k = file.EnumValue(node, "kind", ResponseKinds.Words);
                return k is null ? null : new Response { Kind = k.Value, Criminal = k.Value.IsCriminalByNature(), Citation = inherited };
            }
            using var m = YamlMap.Of(node, file, "a response");
            if (m is null) return null;
            var kind = m.Enum("kind", ResponseKinds.Words, required: true);
            var law = m.Enum("law", Words.Offences);
            if (law is Offence.None or Offence.Lawful) file.Error(m.Get("law")!, "\"law\" must be criminal or administrative.");
            var citation = ReadCitation(m, inherited);
            var isFine = kind == ResponseKind.Fine;
            var response = new Response
            {
                Kind = kind ?? ResponseKind.NoAction,
                Criminal = (kind?.IsCriminalByNature() ?? false) || law == Offence.Criminal,
                Discretionary = m.Bool("discretionary") ?? false,
                What = m.String("what"),
                By = m.String("by"),
                Note = m.String("note"),
                Citation = citation,
            };
            if (kind is { } kk && kk.IsCriminalByNature() && law == Offence.Administrative)
                file.Error(m.Get("law")!, $"a {kk.Name()} is criminal by nature; remove \"law: administrative\".");
            if (isFine)
            {
                var exact = MoneyValue(m, "amount");
                response = response with
                {
                    Amount = exact is { } e ? new Range<Money>(e, e) : new Range<Money>(MoneyValue(m, "min"), MoneyValue(m, "max")),
                    PayWithin = PeriodValue(m, "pay-within"),
                    Expiable = m.Bool("expiable") ?? false,
                    Escalation = ReadEscalation(m.Get("escalation"), citation),
                };
                if (response.Escalation?.Steps.Any(s => s.FromDue) == true && response.PayWithin is null)
                    file.Error(m.Get("escalation")!, "a step counted \"from: due\" needs the fine's \"pay-within\" period.");
            }
            else
            {
                response = response with { Duration = new Range<Period>(PeriodValue(m, "min"), PeriodValue(m, "max")) };
            }
            if (kind == ResponseKind.MandatoryAppearance)
                response = response with { InAbsence = m.Sequence("in-absence").Select(n => ReadResponse(n, citation)).OfType<Response>().ToList() };
            return kind is null ? null : response;
        }

        private Escalation? ReadEscalation(YamlNode? node, Citation inherited)
        {
            if (node is null) return null;
            using var m = YamlMap.Of(node, file, "an escalation");
            if (m is null) return null;
            var rounding = m.Enum("rounding", Words.Roundings) ?? MonthRounding.Undeclared;
            var steps = new List<EscalationStep>();
            foreach (var s in m.Sequence("steps", required: true))
            {
                using var sm = YamlMap.Of(s, file, "an escalation step");
                if (sm is null) continue;
                var after = PeriodValue(sm, "after", required: true);
                var from = sm.String("from") ?? "issue";
                if (from is not ("issue" or "due")) file.Error(sm.Get("from")!, "\"from\" must be issue (the day the fine was issued) or due (the end of the payment period).");
                var multiply = sm.Decimal("multiply");
                var citation = ReadCitation(sm, inherited);
                var then = sm.Sequence("then").Select(n => ReadResponse(n, citation)).OfType<Response>().ToList();
                if (multiply is null && then.Count == 0) file.Error(sm.Node, "an escalation step needs \"multiply\" (the fine grows) or \"then\" (what replaces it).");
                if (after is { CountsMonths: true } a0 && a0.Value != decimal.Truncate(a0.Value))
                    file.Error(sm.Get("after")!, "\"after\" must be a whole number of months or years (write 30 months, not 2.5 years).");
                if (after is { CountsMonths: true } && rounding == MonthRounding.Undeclared)
                    file.Error(sm.Get("after")!, "this step counts in months or years, so the escalation must declare \"rounding: end-of-month\" or \"rounding: next-month-start\" (what 31 January + 1 month is).");
                if (after is { } a) steps.Add(new EscalationStep(a, from == "due", multiply, then, citation, sm.String("note")));
            }
            return new Escalation(rounding, steps);
        }

        private List<Measure> ReadMeasures(IEnumerable<YamlNode> nodes)
        {
            var measures = new List<Measure>();
            foreach (var node in nodes)
            {
                using var m = YamlMap.Of(node, file, "a measure");
                if (m is null) continue;
                var kind = m.Enum("measure", Words.Measures, required: true);
                var status = m.Enum("status", Words.MeasureStatuses, required: true);
                var from = m.Date("from", required: true);
                var to = m.Date("to");
                var summary = m.String("summary", required: true);
                var note = m.String("note");
                var citation = ReadCitation(m, null);
                if (kind is null || status is null || from is null || summary is null) continue;
                if (to is { } end && end <= from)
                {
                    file.Error(m.Get("to")!, $"the measure ends ({end:yyyy-MM-dd}) on or before it starts ({from:yyyy-MM-dd}).");
                    continue;
                }
                var measure = new Measure(kind.Value, status.Value, from.Value, to, summary, citation, citation.Unverified ? null : note, m.Position);
                var clash = measures.FirstOrDefault(x => x.Kind == measure.Kind
                    && x.From < (measure.To ?? DateOnly.MaxValue) && measure.From < (x.To ?? DateOnly.MaxValue));
                if (clash is not null)
                    file.Error(m.Position, $"two facts about \"{Words.Name(measure.Kind)}\" overlap (the other starts {clash.From:yyyy-MM-dd} at line {clash.Position.Line}); end the earlier one with \"to\".");
                else measures.Add(measure);
            }
            return measures;
        }

        private PoliceInstruction? ReadPolice(YamlNode node, List<Threshold> thresholds)
        {
            using var m = YamlMap.Of(node, file, "a police instruction");
            if (m is null) return null;
            var id = Id(m);
            var instruction = m.Enum("instruction", Words.Instructions, required: true);
            var by = m.Enum("by", Words.Bases, required: true);
            var when = m.Get("when") is { } w ? ReadCondition(w, thresholds) : Condition.Always;
            var citation = ReadCitation(m, null);
            var note = m.String("note");
            return id is null || instruction is null || by is null ? null
                : new PoliceInstruction(id, instruction.Value, by.Value, when, citation, note, m.Position);
        }

        private Outlet? ReadOutlet(YamlNode node, Basis versionBasis)
        {
            using var m = YamlMap.Of(node, file, "an outlet");
            if (m is null) return null;
            var id = Id(m);
            var type = m.Enum("outlet", Words.Outlets, required: true);
            var substances = SubstanceSet(m, "substances", required: true);
            var minAge = m.Int("min-age", min: 0);
            var residency = m.Bool("residency") ?? false;
            var registration = m.Bool("registration") ?? false;
            var basis = m.Enum("basis", Words.Bases) ?? versionBasis;
            var citation = ReadCitation(m, null);
            var limits = new List<PurchaseLimit>();
            foreach (var l in m.Sequence("limits"))
            {
                using var lm = YamlMap.Of(l, file, "a purchase limit");
                if (lm is null) continue;
                var amountNode = lm.Require("amount");
                Quantity? amount = null;
                if (amountNode is YamlScalarNode s && Quantity.TryParse(s.Value, out var q, out var err)) amount = q;
                else if (amountNode is not null) file.Error(amountNode, "\"amount\" must be a quantity with a unit such as \"40 g\".");
                var per = PeriodValue(lm, "per", required: true);
                var lc = ReadCitation(lm, citation);
                if (amount is { } a && per is { } p) limits.Add(new PurchaseLimit(a, p, lc));
            }
            var note = m.String("note");
            return id is null || type is null || substances is null ? null
                : new Outlet(id, type.Value, substances, minAge, residency, registration, limits, basis, citation, note, m.Position);
        }

        /// <summary>
        /// Reads source, pinpoint, unverified and note. A fact must cite a source or be marked unverified with a
        /// note; a response or limit without its own citation is cited by the rule or outlet it belongs to.
        /// </summary>
        private Citation ReadCitation(YamlMap m, Citation? inherited)
        {
            var source = m.String("source");
            var pinpoint = m.String("pinpoint");
            var unverified = m.Bool("unverified") ?? false;
            var note = m.Get("note") is YamlScalarNode { Value: { Length: > 0 } n } ? n : null;
            if (source is not null && !_sources.ContainsKey(source))
                file.Error(m.Get("source")!, $"source \"{source}\" is not defined in \"sources\"; known ids: {(_sources.Count == 0 ? "none" : string.Join(", ", _sources.Keys))}.");
            if (unverified && note is null)
                file.Error(m.Get("unverified")!, "an unverified fact needs a \"note\" saying what could not be confirmed.");
            if (source is null && !unverified)
            {
                if (inherited is { } i) return pinpoint is null ? i : i with { Pinpoint = pinpoint };
                file.Error(m.Node, "every fact must cite a source: add \"source: <id>\" (and \"pinpoint\"), or \"unverified: true\" with a \"note\".");
            }
            if (pinpoint is not null && source is null && inherited is null)
                file.Error(m.Get("pinpoint")!, "\"pinpoint\" needs a \"source\".");
            return new Citation(source ?? inherited?.SourceId, pinpoint, unverified, unverified ? note : null);
        }

        private string? Id(YamlMap m) => PolicyReader.Id(file, m);

        private HashSet<Conduct>? Conducts(YamlMap m, string key)
        {
            var list = m.List(key);
            if (list.Count == 0) return null;
            return list.Select(x => file.EnumValue(x.Node, key, Words.Conducts)).OfType<Conduct>().ToHashSet();
        }

        private HashSet<string>? SubstanceSet(YamlMap m, string key, bool required)
        {
            var list = m.List(key, required);
            if (list.Count == 0) return null;
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (text, node) in list)
            {
                if (_vocabulary.TryExpand(text, out var subs)) set.UnionWith(subs.Select(s => s.Id));
                else file.Error(node, $"unknown substance \"{text}\"; expected one of {_vocabulary.KnownNames}.");
            }
            return set;
        }

        private Money? MoneyValue(YamlMap m, string key)
        {
            var node = m.Get(key);
            if (node is null) return null;
            if (node is YamlScalarNode { Value: { } v } && Money.TryParse(v, out var money, out _)) return money;
            file.Error(node, $"\"{key}\" must be an amount of money such as \"500 USD\".");
            return null;
        }

        private Period? PeriodValue(YamlMap m, string key, bool required = false)
        {
            var node = required ? m.Require(key) : m.Get(key);
            if (node is null) return null;
            if (node is YamlScalarNode { Value: { } v } && Period.TryParse(v, out var p, out _)) return p;
            file.Error(node, $"\"{key}\" must be a period such as \"30 days\", \"1 month\" or \"2 years\".");
            return null;
        }
    }
}
