using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Decrim.Policies;

namespace Decrim.Evaluation;

/// <summary>
/// Writes a pathway as JSON in the shape documented in <c>docs/pathway-json.md</c>. Written by hand rather than by
/// reflection so the shape is a visible, stable contract: a renamed C# property cannot change it.
/// </summary>
public static class PathwayJson
{
    private static readonly (Harm Harm, JsonEncodedText Name)[] Harms =
        [.. Enum.GetValues<Harm>().Where(h => h != Harm.None).Select(h => (h, JsonEncodedText.Encode(h == Harm.RightsRevocation ? "rights-revocation" : h.ToString().ToLowerInvariant())))];

    // Property names encoded once: the web API writes a pathway per request.
    private static readonly JsonEncodedText NActual = JsonEncodedText.Encode("actual");
    private static readonly JsonEncodedText NAmount = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText NAmountDue = JsonEncodedText.Encode("amountDue");
    private static readonly JsonEncodedText NBaseRule = JsonEncodedText.Encode("baseRule");
    private static readonly JsonEncodedText NBasis = JsonEncodedText.Encode("basis");
    private static readonly JsonEncodedText NBy = JsonEncodedText.Encode("by");
    private static readonly JsonEncodedText NComputed = JsonEncodedText.Encode("computed");
    private static readonly JsonEncodedText NConduct = JsonEncodedText.Encode("conduct");
    private static readonly JsonEncodedText NConsequences = JsonEncodedText.Encode("consequences");
    private static readonly JsonEncodedText NCriminal = JsonEncodedText.Encode("criminal");
    private static readonly JsonEncodedText NCurrency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText NDate = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText NDecisions = JsonEncodedText.Encode("decisions");
    private static readonly JsonEncodedText NDiscretionary = JsonEncodedText.Encode("discretionary");
    private static readonly JsonEncodedText NDuration = JsonEncodedText.Encode("duration");
    private static readonly JsonEncodedText NEffectiveFrom = JsonEncodedText.Encode("effectiveFrom");
    private static readonly JsonEncodedText NEffectiveTo = JsonEncodedText.Encode("effectiveTo");
    private static readonly JsonEncodedText NEscalation = JsonEncodedText.Encode("escalation");
    private static readonly JsonEncodedText NExpiable = JsonEncodedText.Encode("expiable");
    private static readonly JsonEncodedText NExplanation = JsonEncodedText.Encode("explanation");
    private static readonly JsonEncodedText NFindings = JsonEncodedText.Encode("findings");
    private static readonly JsonEncodedText NHarm = JsonEncodedText.Encode("harm");
    private static readonly JsonEncodedText NHolds = JsonEncodedText.Encode("holds");
    private static readonly JsonEncodedText NId = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText NInAbsence = JsonEncodedText.Encode("inAbsence");
    private static readonly JsonEncodedText NInstruction = JsonEncodedText.Encode("instruction");
    private static readonly JsonEncodedText NJurisdiction = JsonEncodedText.Encode("jurisdiction");
    private static readonly JsonEncodedText NJurisdictionName = JsonEncodedText.Encode("jurisdictionName");
    private static readonly JsonEncodedText NKind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText NLegalBasis = JsonEncodedText.Encode("legalBasis");
    private static readonly JsonEncodedText NMax = JsonEncodedText.Encode("max");
    private static readonly JsonEncodedText NMin = JsonEncodedText.Encode("min");
    private static readonly JsonEncodedText NNote = JsonEncodedText.Encode("note");
    private static readonly JsonEncodedText NOffence = JsonEncodedText.Encode("offence");
    private static readonly JsonEncodedText NOutcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText NPayWithin = JsonEncodedText.Encode("payWithin");
    private static readonly JsonEncodedText NPinpoint = JsonEncodedText.Encode("pinpoint");
    private static readonly JsonEncodedText NPolice = JsonEncodedText.Encode("police");
    private static readonly JsonEncodedText NReads = JsonEncodedText.Encode("reads");
    private static readonly JsonEncodedText NRequired = JsonEncodedText.Encode("required");
    private static readonly JsonEncodedText NRule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText NSource = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText NStep = JsonEncodedText.Encode("step");
    private static readonly JsonEncodedText NSubstance = JsonEncodedText.Encode("substance");
    private static readonly JsonEncodedText NSubstances = JsonEncodedText.Encode("substances");
    private static readonly JsonEncodedText NSummary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText NThen = JsonEncodedText.Encode("then");
    private static readonly JsonEncodedText NTitle = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText NTrace = JsonEncodedText.Encode("trace");
    private static readonly JsonEncodedText NUnverified = JsonEncodedText.Encode("unverified");
    private static readonly JsonEncodedText NUnverifiedNote = JsonEncodedText.Encode("unverifiedNote");
    private static readonly JsonEncodedText NUrl = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText NVariable = JsonEncodedText.Encode("variable");
    private static readonly JsonEncodedText NVerified = JsonEncodedText.Encode("verified");
    private static readonly JsonEncodedText NVersion = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText NWarnings = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText NWhat = JsonEncodedText.Encode("what");

    public static string Write(Pathway p) => Encoding.UTF8.GetString(Utf8(p, indented: true));

    /// <summary>The same JSON as UTF-8 bytes, indented for people or compact for machines (the web API).</summary>
    public static byte[] Utf8(Pathway p, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(8192);
        Write(p, buffer, indented);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the JSON into <paramref name="output"/> (a response body's pipe, say) without an intermediate copy.</summary>
    public static void Write(Pathway p, System.Buffers.IBufferWriter<byte> output, bool indented)
    {
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteString(NJurisdiction, p.Policy.Code);
            w.WriteString(NJurisdictionName, p.Policy.Name);
            w.WriteString(NDate, p.Encounter.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString(NConduct, Words.Name(p.Encounter.Conduct));
            w.WriteStartObject(NVersion);
            w.WriteString(NId, p.Version.Id);
            w.WriteString(NEffectiveFrom, Date(p.Version.From));
            if (p.Version.To is { } to) w.WriteString(NEffectiveTo, Date(to)); else w.WriteNull(NEffectiveTo);
            w.WriteString(NBasis, Words.Name(p.Version.Basis));
            w.WriteString(NVerified, Date(p.Version.Verified));
            w.WriteString(NSummary, p.Version.Summary);
            w.WriteEndObject();
            w.WriteBoolean(NCriminal, p.Criminal);
            w.WriteString(NOffence, Words.Name(p.Offence));
            w.WriteStartArray(NConsequences);
            var step = 1;
            foreach (var c in p.Consequences)
            {
                w.WriteStartObject();
                w.WriteNumber(NStep, step++);
                WriteResponse(w, p.Policy, c.Response, c.Rule);
                w.WriteStartArray(NSubstances);
                foreach (var s in c.Substances) w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteStartArray(NEscalation);
                foreach (var e in c.Escalation)
                {
                    w.WriteStartObject();
                    w.WriteString(NDate, Date(e.Date));
                    w.WriteString(NComputed, e.HowComputed);
                    if (e.AmountDue is { } due) WriteMoney(w, NAmountDue, due);
                    w.WriteStartArray(NThen);
                    foreach (var r in e.Then) { w.WriteStartObject(); WriteResponse(w, p.Policy, r, c.Rule); w.WriteEndObject(); }
                    w.WriteEndArray();
                    WriteBasis(w, p.Policy, e.Citation, c.Rule);
                    if (e.Note is not null) w.WriteString(NNote, e.Note);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray(NPolice);
            foreach (var n in p.Police)
            {
                w.WriteStartObject();
                w.WriteString(NInstruction, Words.Name(n.Instruction.Instruction));
                w.WriteString(NBy, Words.Name(n.Instruction.By));
                w.WriteString(NId, n.Instruction.Id);
                if (n.Instruction.Note is not null) w.WriteString(NNote, n.Instruction.Note);
                WriteCitation(w, p.Policy, n.Instruction.Citation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray(NDecisions);
            foreach (var d in p.Decisions)
            {
                w.WriteStartObject();
                w.WriteString(NSubstance, d.Substance);
                w.WriteString(NRule, d.Rule.Id);
                w.WriteString(NBaseRule, d.Base.Id);
                w.WriteString(NOffence, Words.Name(d.Rule.Offence));
                w.WriteString(NLegalBasis, Words.Name(d.Rule.Basis));
                w.WriteStartArray(NFindings);
                foreach (var f in d.Findings) w.WriteStringValue(f);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray(NTrace);
            foreach (var t in p.Trace)
            {
                w.WriteStartObject();
                w.WriteString(NRule, t.Rule);
                w.WriteString(NOutcome, t.Outcome);
                w.WriteString(NExplanation, t.Explanation);
                w.WriteStartArray(NReads);
                foreach (var r in t.Reads)
                {
                    w.WriteStartObject();
                    w.WriteString(NVariable, r.Variable);
                    w.WriteString(NRequired, r.Required);
                    w.WriteString(NActual, r.Actual);
                    w.WriteBoolean(NHolds, r.Holds);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray(NWarnings);
            foreach (var warning in p.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    private static void WriteResponse(Utf8JsonWriter w, Policy policy, Response r, RuleNode rule)
    {
        w.WriteString(NKind, r.Kind.Name());
        w.WriteBoolean(NCriminal, r.Criminal);
        w.WriteBoolean(NDiscretionary, r.Discretionary);
        w.WriteStartArray(NHarm);
        foreach (var (h, name) in Harms)
            if (r.Harm.HasFlag(h)) w.WriteStringValue(name);
        w.WriteEndArray();
        if (!r.Amount.IsEmpty)
        {
            w.WriteStartObject(NAmount);
            if (r.Amount.Min is { } min) WriteMoney(w, NMin, min);
            if (r.Amount.Max is { } max) WriteMoney(w, NMax, max);
            w.WriteEndObject();
        }
        if (!r.Duration.IsEmpty)
        {
            w.WriteStartObject(NDuration);
            if (r.Duration.Min is { } min) w.WriteString(NMin, min.ToString());
            if (r.Duration.Max is { } max) w.WriteString(NMax, max.ToString());
            w.WriteEndObject();
        }
        if (r.PayWithin is { } pw) w.WriteString(NPayWithin, pw.ToString());
        if (r.Kind == ResponseKind.Fine) w.WriteBoolean(NExpiable, r.Expiable);
        if (r.What is not null) w.WriteString(NWhat, r.What);
        if (r.By is not null) w.WriteString(NBy, r.By);
        if (r.Note is not null) w.WriteString(NNote, r.Note);
        if (r.InAbsence.Count > 0)
        {
            w.WriteStartArray(NInAbsence);
            foreach (var a in r.InAbsence) { w.WriteStartObject(); WriteResponse(w, policy, a, rule); w.WriteEndObject(); }
            w.WriteEndArray();
        }
        WriteBasis(w, policy, r.Citation, rule);
    }

    private static void WriteBasis(Utf8JsonWriter w, Policy policy, Citation citation, RuleNode rule)
    {
        w.WriteStartObject(NBasis);
        w.WriteString(NRule, rule.Id);
        w.WriteString(NLegalBasis, Words.Name(rule.Basis));
        WriteCitationFields(w, policy, citation);
        w.WriteEndObject();
    }

    private static void WriteCitation(Utf8JsonWriter w, Policy policy, Citation citation)
    {
        w.WriteStartObject(NBasis);
        WriteCitationFields(w, policy, citation);
        w.WriteEndObject();
    }

    private static void WriteCitationFields(Utf8JsonWriter w, Policy policy, Citation citation)
    {
        if (citation.SourceId is { } id && policy.Sources.TryGetValue(id, out var source))
        {
            w.WriteString(NSource, id);
            w.WriteString(NTitle, source.Title);
            if (source.Url is not null) w.WriteString(NUrl, source.Url);
        }
        else w.WriteNull(NSource);
        if (citation.Pinpoint is not null) w.WriteString(NPinpoint, citation.Pinpoint);
        w.WriteBoolean(NUnverified, citation.Unverified);
        if (citation.Note is not null) w.WriteString(NUnverifiedNote, citation.Note);
    }

    private static void WriteMoney(Utf8JsonWriter w, JsonEncodedText name, Money m)
    {
        w.WriteStartObject(name);
        w.WriteNumber(NAmount, m.Amount);
        w.WriteString(NCurrency, m.Currency);
        w.WriteEndObject();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
