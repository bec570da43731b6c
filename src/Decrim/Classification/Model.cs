namespace Decrim.Classification;

/// <summary>
/// The models of the Hughes et al. typology as INPUD uses it (seed 003, Table 1: police diversion de facto and de
/// jure merged), with prohibition and legal regulation at either end.
/// </summary>
public enum Model
{
    Prohibition,
    Depenalisation,
    PoliceDiversion,
    DecriminalisationWithAdministrativeSanctions,
    DecriminalisationWithDiversion,
    DecriminalisationWithNoSanctions,
    LegalRegulation,
}

public static class Models
{
    public static readonly IReadOnlyDictionary<string, Model> Words = new Dictionary<string, Model>
    {
        ["prohibition"] = Model.Prohibition,
        ["depenalisation"] = Model.Depenalisation,
        ["police-diversion"] = Model.PoliceDiversion,
        ["decriminalisation-with-administrative-sanctions"] = Model.DecriminalisationWithAdministrativeSanctions,
        ["decriminalisation-with-diversion"] = Model.DecriminalisationWithDiversion,
        ["decriminalisation-with-no-sanctions"] = Model.DecriminalisationWithNoSanctions,
        ["legal-regulation"] = Model.LegalRegulation,
    };

    public static string Name(this Model model) => Policies.Words.Name(Words, model);

    public static string Title(this Model model) => model switch
    {
        Model.Prohibition => "Prohibition",
        Model.Depenalisation => "Depenalisation",
        Model.PoliceDiversion => "Police diversion",
        Model.DecriminalisationWithAdministrativeSanctions => "Decriminalisation with administrative sanctions",
        Model.DecriminalisationWithDiversion => "Decriminalisation with diversion to health and social services",
        Model.DecriminalisationWithNoSanctions => "Decriminalisation with no sanctions",
        _ => "Legal regulation",
    };
}
