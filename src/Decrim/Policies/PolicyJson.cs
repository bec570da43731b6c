using System.Globalization;
using System.Text.Json;
using Decrim.Evaluation;

namespace Decrim.Policies;

/// <summary>
/// A policy and its versions as JSON, for the API: the jurisdiction with its dated versions and sources, and one
/// version in full (thresholds, rules with their responses, police instructions, regulated supply), every fact with
/// its citation. Written by hand, like every JSON shape here, so the contract is visible.
/// </summary>
public static class PolicyJson
{
    public static string Policy(Policy p) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", p.Code);
        w.WriteString("name", p.Name);
        if (p.Currency is not null) w.WriteString("currency", p.Currency);
        w.WriteStartArray("versions");
        foreach (var v in p.Versions) VersionHeader(w, v);
        w.WriteEndArray();
        Sources(w, p);
        w.WriteEndObject();
    });

    public static string Version(Policy p, PolicyVersion v) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("jurisdiction", p.Code);
        w.WritePropertyName("version");
        VersionHeader(w, v);
        w.WriteStartArray("thresholds");
        foreach (var t in v.Thresholds)
        {
            w.WriteStartObject();
            w.WriteString("tier", t.Tier);
            w.WriteString("shape", t.Shape switch { ThresholdShape.PerSubstance => "per-substance", ThresholdShape.Cumulative => "cumulative", ThresholdShape.MaxSubstances => "max-substances", _ => "none" });
            w.WriteStartArray("substances");
            foreach (var s in t.Substances.Order(StringComparer.Ordinal)) w.WriteStringValue(s);
            w.WriteEndArray();
            if (t.Amount is { } a) w.WriteString("amount", a.ToString());
            if (t.MaxSubstances is { } m) w.WriteNumber("maxSubstances", m);
            w.WriteString("meaning", Words.Name(t.Meaning));
            w.WriteStartArray("conducts");
            foreach (var c in t.Conducts.Order()) w.WriteStringValue(Words.Name(c));
            w.WriteEndArray();
            w.WriteString("description", t.Describe());
            if (t.Note is not null) w.WriteString("note", t.Note);
            Citation(w, p, t.Citation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("rules");
        foreach (var rule in v.Rules.SelectMany(r => r.SelfAndDescendants()))
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteNumber("depth", rule.Depth);
            w.WriteStartArray("conducts");
            foreach (var c in rule.Conducts.Order()) w.WriteStringValue(Words.Name(c));
            w.WriteEndArray();
            if (!rule.When.IsAlways) w.WriteString("when", rule.When.Describe());
            w.WriteString("offence", Words.Name(rule.Offence));
            w.WriteString("legalBasis", Words.Name(rule.Basis));
            w.WriteStartArray("then");
            foreach (var r in rule.Then) w.WriteStringValue(PathwayText.Describe(r));
            w.WriteEndArray();
            if (rule.Note is not null) w.WriteString("note", rule.Note);
            Citation(w, p, rule.Citation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("police");
        foreach (var i in v.Police)
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            w.WriteString("instruction", Words.Name(i.Instruction));
            w.WriteString("by", Words.Name(i.By));
            if (!i.When.IsAlways) w.WriteString("when", i.When.Describe());
            if (i.Note is not null) w.WriteString("note", i.Note);
            Citation(w, p, i.Citation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("supply");
        foreach (var o in v.Supply)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteString("type", Words.Name(o.Type));
            w.WriteStartArray("substances");
            foreach (var s in o.Substances.Order(StringComparer.Ordinal)) w.WriteStringValue(s);
            w.WriteEndArray();
            if (o.MinAge is { } age) w.WriteNumber("minAge", age);
            w.WriteBoolean("residency", o.Residency);
            w.WriteBoolean("registration", o.Registration);
            w.WriteStartArray("limits");
            foreach (var l in o.Limits) w.WriteStringValue($"{l.Amount} per {l.Per}");
            w.WriteEndArray();
            Citation(w, p, o.Citation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void VersionHeader(Utf8JsonWriter w, PolicyVersion v)
    {
        w.WriteStartObject();
        w.WriteString("id", v.Id);
        w.WriteString("effectiveFrom", Day(v.From));
        if (v.To is { } to) w.WriteString("effectiveTo", Day(to)); else w.WriteNull("effectiveTo");
        if (v.Decided is { } d) w.WriteString("decided", Day(d));
        if (v.Published is { } pub) w.WriteString("published", Day(pub));
        w.WriteString("basis", Words.Name(v.Basis));
        w.WriteString("verified", Day(v.Verified));
        w.WriteString("summary", v.Summary);
        w.WriteEndObject();
    }

    private static void Sources(Utf8JsonWriter w, Policy p)
    {
        w.WriteStartArray("sources");
        foreach (var s in p.Sources.Values)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("title", s.Title);
            if (s.Url is not null) w.WriteString("url", s.Url);
            if (s.Date is { } d) w.WriteString("date", Day(d));
            if (s.Accessed is { } a) w.WriteString("accessed", Day(a));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Citation(Utf8JsonWriter w, Policy p, Citation c)
    {
        w.WriteStartObject("basis");
        if (c.SourceId is { } id) w.WriteString("source", id); else w.WriteNull("source");
        if (c.SourceId is { } sid && p.Sources.TryGetValue(sid, out var s)) w.WriteString("title", s.Title);
        if (c.Pinpoint is not null) w.WriteString("pinpoint", c.Pinpoint);
        w.WriteBoolean("unverified", c.Unverified);
        if (c.Note is not null) w.WriteString("unverifiedNote", c.Note);
        w.WriteEndObject();
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
