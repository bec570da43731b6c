using System.Globalization;
using System.Text.RegularExpressions;
using Decrim.Evaluation;
using Decrim.Policies;

namespace Decrim.Monitoring;

/// <summary>One act as submitted: its word and, where they apply, the details.</summary>
public sealed record ActInput(string? Act, string? Amount = null, bool? Consented = null, int? Hours = null);

/// <summary>
/// A report as text, from the web form or a JSON body. <see cref="Parse"/> checks every field and returns the
/// <see cref="Report"/> or every error at once, each naming its field (<c>acts[1].amount</c>). A date is accepted for
/// convenience and turned into its ISO week here, before anything else sees it.
/// </summary>
public sealed partial record ReportInput
{
    public string? Jurisdiction { get; init; }
    public string? Region { get; init; }
    public string? Week { get; init; }
    public string? Date { get; init; }
    public string? Setting { get; init; }
    public string? Authority { get; init; }
    public IReadOnlyList<ActInput> Acts { get => _acts ?? []; init => _acts = value; }
    private readonly IReadOnlyList<ActInput>? _acts;
    public string? Conduct { get; init; }
    public IReadOnlyList<ItemInput> Carried { get => _carried ?? []; init => _carried = value; }
    private readonly IReadOnlyList<ItemInput>? _carried;
    public string? Dependence { get; init; }
    public string? AgeBand { get; init; }
    public string? Housing { get; init; }
    public string? Text { get; init; }

    public const int MaxTextLength = 2000;
    public const int MaxCarried = 3;
    /// <summary>The earliest week a report may describe: the catalogue's laws start in 2000.</summary>
    public static readonly IsoWeek Earliest = new(2000, 1);

    /// <summary>The report, or null with <paramref name="errors"/> holding every problem. <paramref name="today"/> bounds the week; <paramref name="jurisdictions"/> are the codes reports may name.</summary>
    public Report? Parse(DateOnly today, IReadOnlySet<string> jurisdictions, out IReadOnlyList<InputError> errors)
    {
        var problems = new List<InputError>();
        var code = (Jurisdiction ?? "").Trim().ToUpperInvariant();
        if (code.Length == 0) problems.Add(new("jurisdiction", "choose where it happened."));
        else if (!jurisdictions.Contains(code)) problems.Add(new("jurisdiction", $"\"{Jurisdiction}\" is not a jurisdiction in the catalogue; use a code such as NO, PT or US-OR."));

        var region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim().ToUpperInvariant();
        if (region is not null && code.Length > 0)
        {
            var country = code.Split('-')[0];
            if (!RegionCode().IsMatch(region))
                problems.Add(new("region", $"give a first-level region as an ISO 3166-2 code such as {country}-03, or leave it out; nothing finer than a region is kept."));
            else if (!region.StartsWith(country + "-", StringComparison.Ordinal))
                problems.Add(new("region", $"{region} is not a region of {country}."));
            else if (code.Contains('-') && region != code)
                problems.Add(new("region", $"{code} is itself a region; leave the region out."));
        }

        var week = default(IsoWeek);
        var current = IsoWeek.Of(today);
        if (!string.IsNullOrWhiteSpace(Week) && !string.IsNullOrWhiteSpace(Date))
            problems.Add(new("week", "give the week or a date, not both."));
        else if (!string.IsNullOrWhiteSpace(Week))
        {
            if (!IsoWeek.TryParse(Week, out week)) problems.Add(new("week", $"\"{Week}\" is not an ISO week; write it as 2026-W47."));
        }
        else if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) week = IsoWeek.Of(d);
            else problems.Add(new("date", $"\"{Date}\" is not a date; write it as YYYY-MM-DD (only its week is kept)."));
        }
        else problems.Add(new("week", "say which week it happened (only the week is kept)."));
        if (week != default && week > current) problems.Add(new("week", $"{week} has not happened yet; this week is {current}."));
        if (week != default && week < Earliest) problems.Add(new("week", $"reports start at {Earliest}."));

        var setting = OneOf(ReportWords.Settings, Setting, "setting", required: true, problems);
        var authority = OneOf(ReportWords.Authorities, Authority, "authority", required: true, problems);
        var ageBand = OneOf(ReportWords.AgeBands, AgeBand, "ageBand", required: false, problems);
        var housing = OneOf(ReportWords.Housings, Housing, "housing", required: false, problems);
        var dependence = Evaluation.Dependence.Unknown;
        if (!string.IsNullOrWhiteSpace(Dependence) && !EncounterInput.Dependences.TryGetValue(Dependence.Trim(), out dependence))
            problems.Add(new("dependence", $"\"{Dependence}\" is not one of: dependent, not-dependent, unknown."));
        Conduct? conduct = null;
        if (!string.IsNullOrWhiteSpace(Conduct))
        {
            if (Words.Conducts.TryGetValue(Conduct.Trim(), out var c)) conduct = c;
            else problems.Add(new("conduct", $"\"{Conduct}\" is not one of: {string.Join(", ", Words.Conducts.Keys)}."));
        }

        var acts = ParseActs(problems);
        var carried = ParseCarried(problems);

        var text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim();
        if (text is { Length: > MaxTextLength }) problems.Add(new("text", $"keep it under {MaxTextLength} characters ({text.Length} given)."));

        errors = problems;
        if (problems.Count > 0) return null;
        return new Report
        {
            Jurisdiction = code, Region = region, Week = week, Setting = setting!, Authority = authority!, Acts = acts,
            Conduct = conduct, Carried = carried, Dependence = dependence, AgeBand = ageBand, Housing = housing, Text = text,
        };
    }

    private List<Act> ParseActs(List<InputError> problems)
    {
        var acts = new List<Act>();
        if (Acts.Count == 0) problems.Add(new("acts", "tick at least one thing that was done (being stopped counts)."));
        var seen = new HashSet<ActKind>();
        for (var i = 0; i < Acts.Count; i++)
        {
            var a = Acts[i];
            var field = $"acts[{i}]";
            if (a is null || string.IsNullOrWhiteSpace(a.Act) || !ReportWords.Acts.TryGetValue(a.Act.Trim(), out var kind))
            {
                problems.Add(new($"{field}.act", a is null || string.IsNullOrWhiteSpace(a.Act)
                    ? "name the act."
                    : $"\"{a.Act}\" is not one of: {string.Join(", ", ReportWords.Acts.Keys)}."));
                continue;
            }
            if (!seen.Add(kind)) { problems.Add(new($"{field}.act", $"{a.Act} is listed twice; list each act once.")); continue; }
            Money? amount = null;
            if (!string.IsNullOrWhiteSpace(a.Amount))
            {
                if (kind is not (ActKind.Fine or ActKind.Bribe or ActKind.Extortion))
                    problems.Add(new($"{field}.amount", "an amount belongs to a fine, a bribe or extortion."));
                else if (!Money.TryParse(a.Amount, out var m, out var error)) problems.Add(new($"{field}.amount", error + "."));
                else if (m.Amount > 1_000_000_000m) problems.Add(new($"{field}.amount", "that amount is too large to be real."));
                else amount = m;
            }
            if (a.Consented is not null && kind != ActKind.DrugTest)
                problems.Add(new($"{field}.consented", "consent is asked only about a drug test."));
            if (a.Hours is { } h)
            {
                if (kind is not (ActKind.Arrest or ActKind.Detention)) problems.Add(new($"{field}.hours", "hours held belong to an arrest or detention."));
                else if (h is < 0 or > 24 * 366) problems.Add(new($"{field}.hours", $"{h} is not a number of hours from 0 to {24 * 366}."));
            }
            acts.Add(new Act(kind, a.Consented, amount, a.Hours));
        }
        acts.Sort((x, y) => x.Kind.CompareTo(y.Kind));
        return acts;
    }

    private List<Item> ParseCarried(List<InputError> problems)
    {
        var items = new List<Item>();
        if (Carried.Count > MaxCarried) problems.Add(new("carried", $"name at most {MaxCarried} substances."));
        for (var i = 0; i < Math.Min(Carried.Count, MaxCarried); i++)
        {
            // A row left empty on the form is not a substance; anything else is read as the rights flow reads it.
            if (string.IsNullOrWhiteSpace(Carried[i]?.Substance) && string.IsNullOrWhiteSpace(Carried[i]?.Amount)) continue;
            if (EncounterInput.ParseItem(Carried[i], $"carried[{i}]", amountNeeded: false, problems) is { } item) items.Add(item);
        }
        return items;
    }

    private static string? OneOf(IReadOnlyList<string> words, string? value, string field, bool required, List<InputError> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) problems.Add(new(field, $"choose one of: {string.Join(", ", words)}."));
            return null;
        }
        var v = value.Trim();
        foreach (var w in words) if (string.Equals(w, v, StringComparison.Ordinal)) return w;
        problems.Add(new(field, $"\"{value}\" is not one of: {string.Join(", ", words)}."));
        return null;
    }

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$")]
    private static partial Regex RegionCode();
}
