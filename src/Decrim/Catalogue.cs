using System.Collections.Concurrent;
using Decrim.Policies;

namespace Decrim;

/// <summary>
/// The policy files of a folder (<c>policies/</c>), one per jurisdiction, named by ISO 3166 code. Reads lazily,
/// one file at a time, so a single evaluation parses only the jurisdiction it asks about. Safe to share across threads.
/// </summary>
public sealed class Catalogue
{
    private readonly ConcurrentDictionary<string, (Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics)> _read = new(StringComparer.Ordinal);

    public Catalogue(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    /// <summary>The folder holding the bundled catalogue: <c>policies/</c> beside the program, else found upwards from the working directory.</summary>
    public static string DefaultFolder()
    {
        var env = Environment.GetEnvironmentVariable("DECRIM_CATALOGUE");
        if (!string.IsNullOrEmpty(env)) return env;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "policies");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any()) return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "policies");
    }

    public IReadOnlyList<string> Codes() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Where(c => PolicyReader.JurisdictionCode().IsMatch(c)).Order(StringComparer.Ordinal).ToList()
            : [];

    public (Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Read(string code)
    {
        return _read.GetOrAdd(code, c =>
        {
            var path = Path.Combine(Folder, c + ".yaml");
            return File.Exists(path) ? PolicyReader.ReadFile(path) : (null, []);
        });
    }

    /// <summary>The policy for <paramref name="code"/>; throws with a one-line message if it is unknown or invalid.</summary>
    public Policy Get(string code)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var (policy, diagnostics) = Read(normalised);
        if (policy is not null) return policy;
        if (diagnostics.Count > 0)
            throw new CatalogueException($"{normalised} does not validate ({diagnostics.Count} problem(s)); first: {diagnostics[0]}");
        throw new CatalogueException($"unknown jurisdiction \"{code}\"; the catalogue has {string.Join(", ", Codes())}.");
    }

    public IEnumerable<Policy> All() => Codes().Select(c => Read(c).Policy).OfType<Policy>();
}

/// <summary>A jurisdiction that is not in the catalogue or does not validate.</summary>
public sealed class CatalogueException(string message) : Exception(message);
