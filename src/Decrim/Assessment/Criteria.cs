using System.Reflection;

namespace Decrim.Assessment;

/// <summary>
/// A framework of criteria — by default INPUD's recommendations and the Canadian civil-society platform (seed 003,
/// section 6; seed 002) — with its sources, groups in display order, criteria in order, and the UNAIDS target the
/// indicator is measured against. Immutable; read once and shared.
/// </summary>
public sealed class Criteria
{
    public required string Framework { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyDictionary<string, CriteriaSource> Sources { get; init; }
    public required IReadOnlyList<CriterionGroup> Groups { get; init; }
    public required IReadOnlyList<Criterion> All { get; init; }
    public UnaidsTarget? Target { get; init; }

    public CriterionGroup GroupOf(Criterion c) => Groups.First(g => g.Id == c.Group);

    private static readonly Lazy<Criteria> Bundled = new(() =>
    {
        var assembly = typeof(Criteria).Assembly;
        const string prefix = "Decrim.criteria/";
        var (criteria, diagnostics) = CriteriaReader.Read(
            Read(assembly, prefix + "full-decriminalisation.yaml"), "criteria/full-decriminalisation.yaml",
            file => assembly.GetManifestResourceNames().Contains(prefix + file) ? Read(assembly, prefix + file) : null);
        return criteria ?? throw new InvalidOperationException("the bundled criteria do not validate: " + string.Join("; ", diagnostics));
    });

    /// <summary>The criteria bundled with Decrim (<c>criteria/full-decriminalisation.yaml</c>), checked against their sources.</summary>
    public static Criteria Default => Bundled.Value;

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>The UNAIDS 2025 target: fewer than <see cref="Share"/> of countries criminalise possession of small amounts (seed 002).</summary>
public sealed record UnaidsTarget(decimal Share, int Year, IReadOnlyList<Passage> Cites);
