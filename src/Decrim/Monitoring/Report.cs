using Decrim.Evaluation;
using Decrim.Policies;

namespace Decrim.Monitoring;

/// <summary>
/// One encounter as a person who lived it reports it (the HURIDOCS event), with its acts. Time is an ISO week and place
/// a first-level region at most: nothing finer is ever held. What the person carried and their situation are there only
/// if they chose to say. Built only by <see cref="ReportInput.Parse"/>, which validates every field.
/// </summary>
public sealed record Report
{
    public required string Jurisdiction { get; init; }
    /// <summary>An ISO 3166-2 first-level code inside the jurisdiction (<c>NO-03</c>), or null.</summary>
    public string? Region { get; init; }
    public required IsoWeek Week { get; init; }
    public required string Setting { get; init; }
    public required string Authority { get; init; }
    public required IReadOnlyList<Act> Acts { get; init; }
    public Conduct? Conduct { get; init; }
    public IReadOnlyList<Item> Carried { get; init; } = [];
    public Dependence Dependence { get; init; }
    public string? AgeBand { get; init; }
    public string? Housing { get; init; }
    /// <summary>Shown to reviewers only, purged after the retention period.</summary>
    public string? Text { get; init; }

    public Quarter Quarter => Week.Quarter;

    /// <summary>The encounter the engine is asked about: the Monday of the week, the youngest age of the band, the person's own words on dependence.</summary>
    public Encounter? Encounter() => Carried.Count == 0 ? null : new Encounter
    {
        Date = Week.Monday,
        Conduct = Conduct ?? Policies.Conduct.Possession,
        Items = Carried,
        Dependence = Dependence,
        Age = AgeBand is null ? null : ReportWords.YoungestIn(AgeBand),
        Place = Setting switch
        {
            "home" => Place.Residence,
            "vehicle" => Place.Vehicle,
            "school" => Place.School,
            "shelter" => Place.Shelter,
            "health-service" => Place.Clinic,
            "border" => Place.Airport,
            _ => Place.Public,
        },
    };
}
