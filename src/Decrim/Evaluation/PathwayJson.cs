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
    public static string Write(Pathway p)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", p.Policy.Code);
            w.WriteString("jurisdictionName", p.Policy.Name);
            w.WriteString("date", p.Encounter.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("conduct", Words.Name(p.Encounter.Conduct));
            w.WriteStartObject("version");
            w.WriteString("id", p.Version.Id);
            w.WriteString("effectiveFrom", Date(p.Version.From));
            if (p.Version.To is { } to) w.WriteString("effectiveTo", Date(to)); else w.WriteNull("effectiveTo");
            w.WriteString("basis", Words.Name(p.Version.Basis));
            w.WriteString("verified", Date(p.Version.Verified));
            w.WriteString("summary", p.Version.Summary);
            w.WriteEndObject();
            w.WriteBoolean("criminal", p.Criminal);
            w.WriteString("offence", Words.Name(p.Offence));
            w.WriteStartArray("consequences");
            var step = 1;
            foreach (var c in p.Consequences)
            {
                w.WriteStartObject();
                w.WriteNumber("step", step++);
                WriteResponse(w, p.Policy, c.Response, c.Rule);
                w.WriteStartArray("substances");
                foreach (var s in c.Substances) w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteStartArray("escalation");
                foreach (var e in c.Escalation)
                {
                    w.WriteStartObject();
                    w.WriteString("date", Date(e.Date));
                    w.WriteString("computed", e.HowComputed);
                    if (e.AmountDue is { } due) WriteMoney(w, "amountDue", due);
                    w.WriteStartArray("then");
                    foreach (var r in e.Then) { w.WriteStartObject(); WriteResponse(w, p.Policy, r, c.Rule); w.WriteEndObject(); }
                    w.WriteEndArray();
                    WriteBasis(w, p.Policy, e.Citation, c.Rule);
                    if (e.Note is not null) w.WriteString("note", e.Note);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("police");
            foreach (var n in p.Police)
            {
                w.WriteStartObject();
                w.WriteString("instruction", Words.Name(n.Instruction.Instruction));
                w.WriteString("by", Words.Name(n.Instruction.By));
                w.WriteString("id", n.Instruction.Id);
                if (n.Instruction.Note is not null) w.WriteString("note", n.Instruction.Note);
                WriteCitation(w, p.Policy, n.Instruction.Citation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("decisions");
            foreach (var d in p.Decisions)
            {
                w.WriteStartObject();
                w.WriteString("substance", d.Substance);
                w.WriteString("rule", d.Rule.Id);
                w.WriteString("baseRule", d.Base.Id);
                w.WriteString("offence", Words.Name(d.Rule.Offence));
                w.WriteString("legalBasis", Words.Name(d.Rule.Basis));
                w.WriteStartArray("findings");
                foreach (var f in d.Findings) w.WriteStringValue(f);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("trace");
            foreach (var t in p.Trace)
            {
                w.WriteStartObject();
                w.WriteString("rule", t.Rule);
                w.WriteString("outcome", t.Outcome);
                w.WriteString("explanation", t.Explanation);
                w.WriteStartArray("reads");
                foreach (var r in t.Reads)
                {
                    w.WriteStartObject();
                    w.WriteString("variable", r.Variable);
                    w.WriteString("required", r.Required);
                    w.WriteString("actual", r.Actual);
                    w.WriteBoolean("holds", r.Holds);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var warning in p.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteResponse(Utf8JsonWriter w, Policy policy, Response r, RuleNode rule)
    {
        w.WriteString("kind", r.Kind.Name());
        w.WriteBoolean("criminal", r.Criminal);
        w.WriteBoolean("discretionary", r.Discretionary);
        w.WriteStartArray("harm");
        foreach (var h in Enum.GetValues<Harm>().Where(h => h != Harm.None && r.Harm.HasFlag(h)))
            w.WriteStringValue(h == Harm.RightsRevocation ? "rights-revocation" : h.ToString().ToLowerInvariant());
        w.WriteEndArray();
        if (!r.Amount.IsEmpty)
        {
            w.WriteStartObject("amount");
            if (r.Amount.Min is { } min) WriteMoney(w, "min", min);
            if (r.Amount.Max is { } max) WriteMoney(w, "max", max);
            w.WriteEndObject();
        }
        if (!r.Duration.IsEmpty)
        {
            w.WriteStartObject("duration");
            if (r.Duration.Min is { } min) w.WriteString("min", min.ToString());
            if (r.Duration.Max is { } max) w.WriteString("max", max.ToString());
            w.WriteEndObject();
        }
        if (r.PayWithin is { } pw) w.WriteString("payWithin", pw.ToString());
        if (r.Kind == ResponseKind.Fine) w.WriteBoolean("expiable", r.Expiable);
        if (r.What is not null) w.WriteString("what", r.What);
        if (r.By is not null) w.WriteString("by", r.By);
        if (r.Note is not null) w.WriteString("note", r.Note);
        if (r.InAbsence.Count > 0)
        {
            w.WriteStartArray("inAbsence");
            foreach (var a in r.InAbsence) { w.WriteStartObject(); WriteResponse(w, policy, a, rule); w.WriteEndObject(); }
            w.WriteEndArray();
        }
        WriteBasis(w, policy, r.Citation, rule);
    }

    private static void WriteBasis(Utf8JsonWriter w, Policy policy, Citation citation, RuleNode rule)
    {
        w.WriteStartObject("basis");
        w.WriteString("rule", rule.Id);
        w.WriteString("legalBasis", Words.Name(rule.Basis));
        WriteCitationFields(w, policy, citation);
        w.WriteEndObject();
    }

    private static void WriteCitation(Utf8JsonWriter w, Policy policy, Citation citation)
    {
        w.WriteStartObject("basis");
        WriteCitationFields(w, policy, citation);
        w.WriteEndObject();
    }

    private static void WriteCitationFields(Utf8JsonWriter w, Policy policy, Citation citation)
    {
        if (citation.SourceId is { } id && policy.Sources.TryGetValue(id, out var source))
        {
            w.WriteString("source", id);
            w.WriteString("title", source.Title);
            if (source.Url is not null) w.WriteString("url", source.Url);
        }
        else w.WriteNull("source");
        if (citation.Pinpoint is not null) w.WriteString("pinpoint", citation.Pinpoint);
        w.WriteBoolean("unverified", citation.Unverified);
        if (citation.Note is not null) w.WriteString("unverifiedNote", citation.Note);
    }

    private static void WriteMoney(Utf8JsonWriter w, string name, Money m)
    {
        w.WriteStartObject(name);
        w.WriteNumber("amount", m.Amount);
        w.WriteString("currency", m.Currency);
        w.WriteEndObject();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
