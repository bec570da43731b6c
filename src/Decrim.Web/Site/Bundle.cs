using System.Collections.Concurrent;
using Decrim.Assessment;
using Decrim.Classification;
using Decrim.Policies;
using Decrim.Simulation;

namespace Decrim.Web.Site;

/// <summary>
/// What the application serves: the catalogue of policies and the simulation scenarios and reforms. The files do not
/// change while the app runs, so what is derived from them (each jurisdiction's timeline of models) is computed once,
/// on first use, and shared by every request.
/// </summary>
public sealed class Bundle(string catalogueFolder, string scenariosFolder)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Classification.Classification>> _timelines = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<Place>> _places = new(Place.LoadBundled);
    private readonly ConcurrentDictionary<string, (SimulationScenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)> _scenarios = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Reform? Reform, IReadOnlyList<Diagnostic> Diagnostics)> _reforms = new(StringComparer.Ordinal);
    private IReadOnlyList<Policy>? _policies;
    private IReadOnlyDictionary<string, Policy>? _byCode;

    public Catalogue Catalogue { get; } = new(catalogueFolder);
    public string ScenariosFolder { get; } = scenariosFolder;
    public Criteria Criteria => Criteria.Default;

    /// <summary>Every policy that validates, read once.</summary>
    public IReadOnlyList<Policy> Policies() => _policies ??= Catalogue.All().ToList();

    /// <summary>The policies read once, by code: for hot paths (every report is compared with its law).</summary>
    public IReadOnlyDictionary<string, Policy> ByCode => _byCode ??= Policies().ToDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>The policy for a code in any case, or null when the catalogue has none that validates.</summary>
    public Policy? Find(string code) => Catalogue.Read(code.Trim().ToUpperInvariant()).Policy;

    /// <summary>Each version's model, in order; a version the classifier cannot read is left out.</summary>
    public IReadOnlyList<Classification.Classification> Timeline(Policy policy) =>
        _timelines.GetOrAdd(policy.Code, _ => Classifier.Timeline(policy));

    public Classification.Classification? ModelAt(Policy policy, DateOnly date) =>
        Timeline(policy).FirstOrDefault(c => c.Version.Covers(date));

    public IReadOnlyList<Place> Places => _places.Value;

    /// <summary>Scenario files by name (file name without extension).</summary>
    public IReadOnlyList<string> Scenarios() => Names(ScenariosFolder);

    public IReadOnlyList<string> Reforms() => Names(Path.Combine(ScenariosFolder, "reforms"));

    public string? ScenarioPath(string name) => PathOf(ScenariosFolder, name);

    public string? ReformPath(string name) => PathOf(Path.Combine(ScenariosFolder, "reforms"), name);

    /// <summary>A scenario by name, read once; null (with no diagnostics) when the folder has no such file.</summary>
    public (SimulationScenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics) Scenario(string name) =>
        ScenarioPath(name) is { } path ? _scenarios.GetOrAdd(name, _ => SimulationScenarioReader.ReadFile(path)) : (null, []);

    /// <summary>A reform by name, read once; null (with no diagnostics) when the folder has no such file.</summary>
    public (Reform? Reform, IReadOnlyList<Diagnostic> Diagnostics) Reform(string name) =>
        ReformPath(name) is { } path ? _reforms.GetOrAdd(name, _ => ReformReader.ReadFile(path)) : (null, []);

    private static IReadOnlyList<string> Names(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The file for a name the user chose from a list: only names the folder holds, so no path can be smuggled in.</summary>
    private static string? PathOf(string folder, string name) =>
        Names(folder).Contains(name, StringComparer.Ordinal) ? Path.Combine(folder, name + ".yaml") : null;
}
