namespace Decrim.Policies;

/// <summary>What a person did. Rules are written per conduct.</summary>
public enum Conduct { Use, Possession, Cultivation, Sharing, Selling, Supply, Purchase }

/// <summary>Where the encounter happened. A set of places is a bit mask so conditions intersect cheaply.</summary>
[Flags]
public enum Place
{
    None = 0,
    Public = 1 << 0,
    School = 1 << 1,
    Childcare = 1 << 2,
    Vehicle = 1 << 3,
    Airport = 1 << 4,
    Residence = 1 << 5,
    Shelter = 1 << 6,
    ConsumptionSite = 1 << 7,
    Clinic = 1 << 8,
    All = (1 << 9) - 1,
}

/// <summary>
/// The source of law a version or rule rests on. Statute and court are de jure; prosecutorial and police
/// instructions are de facto: the statute is unchanged and only practice differs.
/// </summary>
public enum Basis { Statute, Court, Prosecutorial, Police }

/// <summary>What the conduct is in law under a rule: a crime, an administrative offence, no offence at all, or lawful under a regulated regime.</summary>
public enum Offence { Criminal, Administrative, None, Lawful }

/// <summary>What crossing a threshold means.</summary>
public enum ThresholdMeaning
{
    /// <summary>The amount alone decides: above it the lenient rules no longer apply.</summary>
    Conclusive,
    /// <summary>Above it, supply (or non-personal use) is presumed, but the person may show otherwise.</summary>
    Rebuttable,
    /// <summary>Only an indication for the authorities (Portugal since 2023); it decides nothing by itself.</summary>
    Indicative,
    /// <summary>No quantity is set; a judge decides from the circumstances (Costa Rica, Uruguay).</summary>
    JudgeDecides,
}

/// <summary>Outlet types of a regulated supply.</summary>
public enum OutletType { Retail, Pharmacy, StateOutlet, ConsumptionPremises, Club, HomeCultivation, Prescription, CoffeeShop }

/// <summary>How a regulated purchase stands against the outlet's rules.</summary>
[Flags]
public enum PurchaseStatus
{
    None = 0,
    Authorised = 1,
    OverLimit = 2,
    NotEligible = 4,
    NoOutlet = 8,
    All = 15,
}

/// <summary>Police and prosecutor instructions, separate from what the statute says.</summary>
public enum Instruction
{
    Deprioritise, DoNotStop, DoNotSearch, DoNotArrest, DoNotSeize, DoNotTest, DoNotProsecute, BenefitOfDoubt,
    MayStop, MaySearch, MayArrest, MaySeize, MayTest,
}

/// <summary>The spelling of every vocabulary word in policy files and on the command line.</summary>
public static class Words
{
    public static readonly IReadOnlyDictionary<string, Conduct> Conducts = new Dictionary<string, Conduct>
    {
        ["use"] = Conduct.Use, ["possession"] = Conduct.Possession, ["cultivation"] = Conduct.Cultivation,
        ["sharing"] = Conduct.Sharing, ["selling"] = Conduct.Selling, ["supply"] = Conduct.Supply, ["purchase"] = Conduct.Purchase,
    };

    public static readonly IReadOnlyDictionary<string, Place> Places = new Dictionary<string, Place>
    {
        ["public"] = Place.Public, ["school"] = Place.School, ["childcare"] = Place.Childcare, ["vehicle"] = Place.Vehicle,
        ["airport"] = Place.Airport, ["residence"] = Place.Residence, ["shelter"] = Place.Shelter,
        ["consumption-site"] = Place.ConsumptionSite, ["clinic"] = Place.Clinic,
    };

    public static readonly IReadOnlyDictionary<string, Basis> Bases = new Dictionary<string, Basis>
    {
        ["statute"] = Basis.Statute, ["court"] = Basis.Court, ["prosecutorial"] = Basis.Prosecutorial, ["police"] = Basis.Police,
    };

    public static readonly IReadOnlyDictionary<string, Offence> Offences = new Dictionary<string, Offence>
    {
        ["criminal"] = Offence.Criminal, ["administrative"] = Offence.Administrative, ["none"] = Offence.None, ["lawful"] = Offence.Lawful,
    };

    public static readonly IReadOnlyDictionary<string, ThresholdMeaning> Meanings = new Dictionary<string, ThresholdMeaning>
    {
        ["conclusive"] = ThresholdMeaning.Conclusive, ["rebuttable"] = ThresholdMeaning.Rebuttable,
        ["indicative"] = ThresholdMeaning.Indicative, ["judge-decides"] = ThresholdMeaning.JudgeDecides,
    };

    public static readonly IReadOnlyDictionary<string, OutletType> Outlets = new Dictionary<string, OutletType>
    {
        ["retail"] = OutletType.Retail, ["pharmacy"] = OutletType.Pharmacy, ["state-outlet"] = OutletType.StateOutlet,
        ["consumption-premises"] = OutletType.ConsumptionPremises, ["club"] = OutletType.Club,
        ["home-cultivation"] = OutletType.HomeCultivation, ["prescription"] = OutletType.Prescription, ["coffee-shop"] = OutletType.CoffeeShop,
    };

    public static readonly IReadOnlyDictionary<string, PurchaseStatus> PurchaseStatuses = new Dictionary<string, PurchaseStatus>
    {
        ["authorised"] = PurchaseStatus.Authorised, ["over-limit"] = PurchaseStatus.OverLimit,
        ["not-eligible"] = PurchaseStatus.NotEligible, ["no-outlet"] = PurchaseStatus.NoOutlet,
    };

    public static readonly IReadOnlyDictionary<string, Instruction> Instructions = new Dictionary<string, Instruction>
    {
        ["deprioritise"] = Instruction.Deprioritise, ["do-not-stop"] = Instruction.DoNotStop, ["do-not-search"] = Instruction.DoNotSearch,
        ["do-not-arrest"] = Instruction.DoNotArrest, ["do-not-seize"] = Instruction.DoNotSeize, ["do-not-test"] = Instruction.DoNotTest,
        ["do-not-prosecute"] = Instruction.DoNotProsecute, ["benefit-of-doubt"] = Instruction.BenefitOfDoubt,
        ["may-stop"] = Instruction.MayStop, ["may-search"] = Instruction.MaySearch, ["may-arrest"] = Instruction.MayArrest,
        ["may-seize"] = Instruction.MaySeize, ["may-test"] = Instruction.MayTest,
    };

    public static readonly IReadOnlyDictionary<string, MonthRounding> Roundings = new Dictionary<string, MonthRounding>
    {
        ["end-of-month"] = MonthRounding.EndOfMonth, ["next-month-start"] = MonthRounding.NextMonthStart,
    };

    public static readonly IReadOnlyDictionary<string, MeasureKind> Measures = new Dictionary<string, MeasureKind>
    {
        ["police-training"] = MeasureKind.PoliceTraining, ["police-interaction-rules"] = MeasureKind.PoliceInteractionRules,
        ["independent-monitoring"] = MeasureKind.IndependentMonitoring, ["expungement"] = MeasureKind.Expungement,
        ["resources-redirected"] = MeasureKind.ResourcesRedirected, ["community-involvement"] = MeasureKind.CommunityInvolvement,
        ["accessible-information"] = MeasureKind.AccessibleInformation, ["anti-stigma-strategy"] = MeasureKind.AntiStigmaStrategy,
        ["harm-reduction"] = MeasureKind.HarmReduction,
    };

    public static readonly IReadOnlyDictionary<string, MeasureStatus> MeasureStatuses = new Dictionary<string, MeasureStatus>
    {
        ["in-place"] = MeasureStatus.InPlace, ["partial"] = MeasureStatus.Partial, ["absent"] = MeasureStatus.Absent,
    };

    /// <summary>The word for a value: the first spelling listed for it. Looked up in a reverse map built once per vocabulary.</summary>
    public static string Name<T>(IReadOnlyDictionary<string, T> words, T value) where T : struct =>
        Reverse<T>.Maps.GetOrAdd(words, w =>
        {
            var names = new Dictionary<T, string>();
            foreach (var (word, v) in w) names.TryAdd(v, word);
            return names;
        })[value];

    private static class Reverse<T> where T : struct
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<IReadOnlyDictionary<string, T>, Dictionary<T, string>> Maps = new(ReferenceEqualityComparer.Instance);
    }

    public static string Name(Conduct c) => Name(Conducts, c);
    public static string Name(Basis b) => Name(Bases, b);
    public static string Name(Offence o) => Name(Offences, o);
    public static string Name(ThresholdMeaning m) => Name(Meanings, m);
    public static string Name(OutletType o) => Name(Outlets, o);
    public static string Name(Instruction i) => Name(Instructions, i);
    public static string Name(MeasureKind m) => Name(Measures, m);
    public static string Name(MeasureStatus s) => Name(MeasureStatuses, s);

    public static string Names(Place places) =>
        places == Place.All ? "any place" : string.Join(", ", Places.Where(kv => (places & kv.Value) != 0).Select(kv => kv.Key));

    public static bool IsDeJure(this Basis basis) => basis is Basis.Statute or Basis.Court;
}
