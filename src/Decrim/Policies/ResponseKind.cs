namespace Decrim.Policies;

/// <summary>The fixed vocabulary of what the state does to a person. Every consequence in every policy is one of these.</summary>
public enum ResponseKind
{
    NoAction,
    Information,
    Warning,
    Confiscation,
    VoluntaryReferral,
    MandatoryAppearance,
    Fine,
    CommunityService,
    Restriction,
    CriminalCharge,
    CriminalRecord,
    CompulsoryTreatment,
    CompulsoryDetention,
    LicenceRevocation,
    DrugTesting,
    RegistryEntry,
    Imprisonment,
}

/// <summary>What INPUD's recommendation 1a calls each response (seed 003, section 6): the assessment reads these tags.</summary>
[Flags]
public enum Harm
{
    None = 0,
    Punitive = 1,
    Coercive = 2,
    Surveillance = 4,
    RightsRevocation = 8,
}

/// <summary>Facts about each response kind that do not vary by jurisdiction.</summary>
public static class ResponseKinds
{
    public static readonly IReadOnlyDictionary<string, ResponseKind> Words = new Dictionary<string, ResponseKind>
    {
        ["no-action"] = ResponseKind.NoAction,
        ["information"] = ResponseKind.Information,
        ["warning"] = ResponseKind.Warning,
        ["confiscation"] = ResponseKind.Confiscation,
        ["voluntary-referral"] = ResponseKind.VoluntaryReferral,
        ["mandatory-appearance"] = ResponseKind.MandatoryAppearance,
        ["fine"] = ResponseKind.Fine,
        ["community-service"] = ResponseKind.CommunityService,
        ["restriction"] = ResponseKind.Restriction,
        ["criminal-charge"] = ResponseKind.CriminalCharge,
        ["criminal-record"] = ResponseKind.CriminalRecord,
        ["compulsory-treatment"] = ResponseKind.CompulsoryTreatment,
        ["compulsory-detention"] = ResponseKind.CompulsoryDetention,
        ["licence-revocation"] = ResponseKind.LicenceRevocation,
        ["drug-testing"] = ResponseKind.DrugTesting,
        ["registry-entry"] = ResponseKind.RegistryEntry,
        ["imprisonment"] = ResponseKind.Imprisonment,
    };

    public static string Name(this ResponseKind kind) => Policies.Words.Name(Words, kind);

    /// <summary>
    /// INPUD 1a: "removing all administrative sanctions and mechanisms of monitoring, surveillance, coercion, and
    /// punishment … including fines, warnings, revocation of rights and privileges …, confiscations, diversion,
    /// forced treatment, drug urine testing, police surveillance".
    /// </summary>
    public static Harm HarmOf(this ResponseKind kind) => kind switch
    {
        ResponseKind.NoAction or ResponseKind.Information or ResponseKind.VoluntaryReferral => Harm.None,
        ResponseKind.Warning or ResponseKind.Confiscation or ResponseKind.Fine or ResponseKind.CommunityService
            or ResponseKind.CriminalCharge or ResponseKind.CriminalRecord or ResponseKind.Imprisonment => Harm.Punitive,
        ResponseKind.MandatoryAppearance or ResponseKind.CompulsoryTreatment => Harm.Coercive,
        ResponseKind.CompulsoryDetention => Harm.Coercive | Harm.Punitive,
        ResponseKind.DrugTesting or ResponseKind.RegistryEntry => Harm.Surveillance,
        ResponseKind.LicenceRevocation or ResponseKind.Restriction => Harm.RightsRevocation,
        _ => Harm.None,
    };

    /// <summary>Responses that are criminal law by their nature. A fine is criminal only when the policy says so (Norway's forelegg).</summary>
    public static bool IsCriminalByNature(this ResponseKind kind) =>
        kind is ResponseKind.CriminalCharge or ResponseKind.CriminalRecord or ResponseKind.Imprisonment;

    /// <summary>Sanctions in the sense of the Hughes/INPUD typology (seed 003, Table 1): penalties short of a crime.
    /// Warnings, confiscation, information and referrals are not sanctions there (Costa Rica seizes drugs and still
    /// counts as "no sanctions").</summary>
    public static bool IsSanction(this ResponseKind kind) => kind is ResponseKind.Fine or ResponseKind.CommunityService
        or ResponseKind.Restriction or ResponseKind.CompulsoryTreatment or ResponseKind.CompulsoryDetention
        or ResponseKind.LicenceRevocation or ResponseKind.Imprisonment;

    /// <summary>Diversion towards health or social services (typology): a referral or a mandatory appearance before an assessing body.</summary>
    public static bool IsDiversion(this ResponseKind kind) => kind is ResponseKind.VoluntaryReferral or ResponseKind.MandatoryAppearance;
}
