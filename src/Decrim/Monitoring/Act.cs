namespace Decrim.Monitoring;

/// <summary>
/// What was done to the person, one kind per act: the unit of counting (HURIDOCS "who did what to whom", where an
/// event has acts and the act is what is counted). The list follows what people who use drugs report being done to
/// them: searches of four kinds, tests, sanctions, coercion, abuse and the harms around them (being outed, being
/// refused a service).
/// </summary>
public enum ActKind
{
    Stopped,
    SearchedBody,
    SearchedStrip,
    SearchedPhone,
    SearchedHome,
    DrugTest,
    Confiscation,
    Warning,
    Fine,
    Arrest,
    ReferralVoluntary,
    ReferralMandatory,
    CompulsoryTreatment,
    Detention,
    Violence,
    Threat,
    Bribe,
    Extortion,
    OutedToEmployer,
    OutedToSchool,
    OutedToFamily,
    ServiceDenied,
}

/// <summary>
/// One act with the details that matter for comparing it with the law: whether a drug test was consented to, a fine's
/// amount, how many hours an arrest held the person. Every detail is optional; a person says only what they choose.
/// </summary>
public sealed record Act(ActKind Kind, bool? Consented = null, Money? Amount = null, int? HoursHeld = null);

/// <summary>How an act stands against the law that applied to the encounter.</summary>
public enum Finding
{
    /// <summary>The law or an official instruction provides for it in this situation.</summary>
    ProvidedByLaw,
    /// <summary>The law or an official instruction rules it out, or provides something milder (a fine above the maximum, detention where the law gives a fine).</summary>
    BeyondTheLaw,
    /// <summary>The policy file says nothing either way (police stops in most countries), or the encounter could not be evaluated.</summary>
    NotCovered,
}

/// <summary>The words for every monitoring vocabulary, as they appear in forms, the API and CSV files.</summary>
public static class ReportWords
{
    public static readonly IReadOnlyDictionary<string, ActKind> Acts = new Dictionary<string, ActKind>(StringComparer.Ordinal)
    {
        ["stopped"] = ActKind.Stopped,
        ["searched-body"] = ActKind.SearchedBody,
        ["searched-strip"] = ActKind.SearchedStrip,
        ["searched-phone"] = ActKind.SearchedPhone,
        ["searched-home"] = ActKind.SearchedHome,
        ["drug-test"] = ActKind.DrugTest,
        ["confiscation"] = ActKind.Confiscation,
        ["warning"] = ActKind.Warning,
        ["fine"] = ActKind.Fine,
        ["arrest"] = ActKind.Arrest,
        ["referral-voluntary"] = ActKind.ReferralVoluntary,
        ["referral-mandatory"] = ActKind.ReferralMandatory,
        ["compulsory-treatment"] = ActKind.CompulsoryTreatment,
        ["detention"] = ActKind.Detention,
        ["violence"] = ActKind.Violence,
        ["threat"] = ActKind.Threat,
        ["bribe"] = ActKind.Bribe,
        ["extortion"] = ActKind.Extortion,
        ["outed-to-employer"] = ActKind.OutedToEmployer,
        ["outed-to-school"] = ActKind.OutedToSchool,
        ["outed-to-family"] = ActKind.OutedToFamily,
        ["service-denied"] = ActKind.ServiceDenied,
    };

    public static readonly IReadOnlyDictionary<string, Finding> Findings = new Dictionary<string, Finding>(StringComparer.Ordinal)
    {
        ["provided-by-law"] = Finding.ProvidedByLaw, ["beyond-the-law"] = Finding.BeyondTheLaw, ["not-covered"] = Finding.NotCovered,
    };

    /// <summary>Where the encounter happened, in kinds of place, never an address.</summary>
    public static readonly IReadOnlyList<string> Settings =
        ["street", "public-transport", "vehicle", "home", "nightlife", "festival", "school", "workplace", "health-service",
         "harm-reduction-service", "shelter", "police-station", "border", "online", "other"];

    /// <summary>Which kind of authority acted.</summary>
    public static readonly IReadOnlyList<string> Authorities =
        ["police", "customs-or-border", "military", "private-security", "health-service", "social-service", "school", "prosecutor-or-court", "other"];

    /// <summary>Age in bands that keep the legal ages apart (18, 21) without narrowing a person down.</summary>
    public static readonly IReadOnlyList<string> AgeBands = ["under-18", "18-20", "21-24", "25-34", "35-49", "50-plus"];

    public static readonly IReadOnlyList<string> Housings = ["housed", "unstably-housed", "homeless"];

    public static readonly IReadOnlyList<string> Statuses = ["new", "reviewed", "referred-for-legal-support", "closed"];

    public static string Name(this ActKind act) => Policies.Words.Name(Acts, act);
    public static string Name(this Finding finding) => Policies.Words.Name(Findings, finding);

    /// <summary>The youngest age in a band: the engine is asked about the youngest person the band could be, so an age limit inside a band is never assumed away.</summary>
    public static int YoungestIn(string ageBand) => ageBand switch
    {
        "under-18" => 16,
        "18-20" => 18,
        "21-24" => 21,
        "25-34" => 25,
        "35-49" => 35,
        "50-plus" => 50,
        _ => throw new ArgumentOutOfRangeException(nameof(ageBand), ageBand, "not an age band"),
    };
}
