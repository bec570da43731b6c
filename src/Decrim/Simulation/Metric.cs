namespace Decrim.Simulation;

/// <summary>
/// One output of the simulator, counted per reporting period and replication. Events count in the period of their
/// own date (a fine's escalation in the period it escalates, a prison stay day by day); "people …" outputs count
/// each person once per period, and "… for the first time" once over the horizon, in the period it first happens.
/// </summary>
public enum Metric
{
    PotentialContacts,
    ContactsAvoided,
    Encounters,
    Searches,
    SearchesAvoided,
    Detections,
    Unanswerable,
    NoAction,
    Warnings,
    Confiscations,
    ReferralsOffered,
    ReferralsTaken,
    Appearances,
    AppearancesMissed,
    CommunityService,
    Restrictions,
    DrugTests,
    RegistryEntries,
    LicencesRevoked,
    FinesIssued,
    FinesPaid,
    FinesPaidLate,
    FinesWaived,
    FinesEscalated,
    FinesUnpaid,
    FineAmountIssued,
    FineAmountPaid,
    Charges,
    ChargesAfterFine,
    Convictions,
    ConvictionsAfterFine,
    CriminalRecords,
    PeopleFined,
    PeopleFirstRecord,
    TreatmentOrders,
    TreatmentCompleted,
    Detentions,
    DetentionDays,
    Imprisonments,
    ImprisonmentsAfterFine,
    PrisonDays,
    PrisonDaysAfterFine,
    PeopleImprisoned,
    PeopleFirstImprisoned,
    PeopleCoerced,
    PeopleFirstCoerced,
}

/// <summary>What a metric counts: events, people, days, or money in hundredths of the scenario's currency.</summary>
public enum MetricUnit { Count, People, Days, Money }

/// <summary>The names, units and meanings of the metrics, in the order reports list them.</summary>
public static class Metrics
{
    public static readonly IReadOnlyList<Metric> All = Enum.GetValues<Metric>();
    public static int Count => All.Count;

    public static string Name(this Metric m) => Info[(int)m].Name;
    public static MetricUnit Unit(this Metric m) => Info[(int)m].Unit;
    public static string Description(this Metric m) => Info[(int)m].Description;

    public static bool TryParse(string name, out Metric metric)
    {
        var i = Array.FindIndex(Info, x => x.Name == name);
        metric = i < 0 ? default : (Metric)i;
        return i >= 0;
    }

    public static string Names => string.Join(", ", Info.Select(x => x.Name));

    private static readonly (string Name, MetricUnit Unit, string Description)[] Info =
    [
        ("potential-contacts", MetricUnit.Count, "contacts police would have had before any instruction applied"),
        ("contacts-avoided", MetricUnit.Count, "contacts that did not happen because police followed an instruction (do not stop, deprioritise)"),
        ("encounters", MetricUnit.Count, "police encounters (stops)"),
        ("searches", MetricUnit.Count, "searches of the person"),
        ("searches-avoided", MetricUnit.Count, "searches not made because police followed a do-not-search instruction"),
        ("detections", MetricUnit.Count, "encounters in which drugs were found, so the law applied"),
        ("unanswerable", MetricUnit.Count, "contacts the policy cannot answer (no version in force, no rule, no amount for a threshold), counted as encounters with no search and no consequence"),
        ("no-action", MetricUnit.Count, "decisions to take no action"),
        ("warnings", MetricUnit.Count, "warnings"),
        ("confiscations", MetricUnit.Count, "confiscations"),
        ("referrals-offered", MetricUnit.Count, "voluntary referrals offered"),
        ("referrals-taken", MetricUnit.Count, "voluntary referrals taken up (the hotline called)"),
        ("appearances", MetricUnit.Count, "mandatory appearances ordered (commissions, assessment services, advisory units)"),
        ("appearances-missed", MetricUnit.Count, "mandatory appearances missed"),
        ("community-service", MetricUnit.Count, "community service orders"),
        ("restrictions", MetricUnit.Count, "restrictions (place bans, travel bans)"),
        ("drug-tests", MetricUnit.Count, "drug-testing orders"),
        ("registry-entries", MetricUnit.Count, "entries in a register of people who use drugs"),
        ("licences-revoked", MetricUnit.Count, "licences revoked"),
        ("fines-issued", MetricUnit.Count, "fines issued"),
        ("fines-paid", MetricUnit.Count, "fines paid by their deadline"),
        ("fines-paid-late", MetricUnit.Count, "fines paid after escalating"),
        ("fines-waived", MetricUnit.Count, "fines waived because a referral was taken"),
        ("fines-escalated", MetricUnit.Count, "fines that reached their first escalation step"),
        ("fines-unpaid", MetricUnit.Count, "fines never paid (at the end of their escalation, or with none)"),
        ("fine-amount-issued", MetricUnit.Money, "total of fines issued"),
        ("fine-amount-paid", MetricUnit.Money, "total of fines paid"),
        ("charges", MetricUnit.Count, "criminal charges (prosecutions)"),
        ("charges-after-fine", MetricUnit.Count, "criminal charges brought because a fine was not paid"),
        ("convictions", MetricUnit.Count, "convictions"),
        ("convictions-after-fine", MetricUnit.Count, "convictions that followed an unpaid fine"),
        ("criminal-records", MetricUnit.Count, "criminal records created"),
        ("people-fined", MetricUnit.People, "people fined in the period"),
        ("people-first-record", MetricUnit.People, "people given a criminal record for the first time"),
        ("treatment-orders", MetricUnit.Count, "compulsory treatment orders"),
        ("treatment-completed", MetricUnit.Count, "compulsory treatment orders completed"),
        ("detentions", MetricUnit.Count, "compulsory detentions (including administrative arrest)"),
        ("detention-days", MetricUnit.Days, "days in compulsory detention"),
        ("imprisonments", MetricUnit.Count, "prison sentences served"),
        ("imprisonments-after-fine", MetricUnit.Count, "prison sentences served because a fine was not paid"),
        ("prison-days", MetricUnit.Days, "days in prison, all routes"),
        ("prison-days-after-fine", MetricUnit.Days, "days in prison because a fine was not paid"),
        ("people-imprisoned", MetricUnit.People, "people in prison at some time in the period"),
        ("people-first-imprisoned", MetricUnit.People, "people imprisoned for the first time"),
        ("people-coerced", MetricUnit.People, "people under compulsory treatment or detention at some time in the period"),
        ("people-first-coerced", MetricUnit.People, "people put under compulsory treatment or detention for the first time"),
    ];

    static Metrics()
    {
        if (Info.Length != All.Count) throw new InvalidOperationException("Every metric needs a name.");
    }
}
