using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Decrim.Policies;
using YamlDotNet.RepresentationModel;

namespace Decrim.Assessment;

/// <summary>
/// Reads a criteria file strictly, as <see cref="PolicyReader"/> reads policies: unknown keys are errors, every
/// problem is a <see cref="Diagnostic"/> at file, line and column, and criteria are returned only when there are
/// none. Every cited passage must be found, word for word, in the text of its source.
/// </summary>
public static partial class CriteriaReader
{
    /// <param name="openSource">Returns the text of a source file named in the criteria (relative to the criteria folder), or null when there is none.</param>
    public static (Criteria? Criteria, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string fileName, Func<string, string?> openSource)
    {
        var file = new PolicyFile(fileName);
        var (root, error) = PolicyFile.Load(text, fileName, "\"framework\", \"sources\", \"groups\" and \"criteria\"");
        if (root is null) return (null, [error!]);
        var criteria = new Reader(file, openSource).ReadCriteria(root);
        return file.HasErrors ? (null, file.Diagnostics) : (criteria, []);
    }

    /// <summary>Reads <c>full-decriminalisation.yaml</c> (or the one YAML file) of a criteria folder, with its sources beside it.</summary>
    public static (Criteria? Criteria, IReadOnlyList<Diagnostic> Diagnostics) ReadFolder(string folder)
    {
        var path = Path.Combine(folder, "full-decriminalisation.yaml");
        if (!File.Exists(path))
            return (null, [new Diagnostic(new SourcePosition(path, 1, 1), "no criteria file here; expected full-decriminalisation.yaml.")]);
        return Read(File.ReadAllText(path), path, name =>
        {
            var full = Path.GetFullPath(Path.Combine(folder, name));
            return File.Exists(full) ? File.ReadAllText(full) : null;
        });
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>A word broken across lines ("in-\n\nvolved" in the report's text) is read whole.</summary>
    [GeneratedRegex(@"(?<=\p{L})-[ \t]*\r?\n\s*(?=\p{Ll})")]
    private static partial Regex LineBreakHyphen();

    /// <summary>
    /// Text as a quote is compared: runs of white space (line breaks, page breaks) as one space, typographic quotes
    /// and dashes as plain ones. Nothing else is forgiven.
    /// </summary>
    internal static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
            sb.Append(ch switch { '‘' or '’' => '\'', '“' or '”' => '"', '–' or '—' => '-', _ => ch });
        return Space().Replace(sb.ToString(), " ").Trim();
    }

    private sealed class Reader(PolicyFile file, Func<string, string?> openSource)
    {
        private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
        private Dictionary<string, CriteriaSource> _sources = new(StringComparer.Ordinal);

        public Criteria? ReadCriteria(YamlNode root)
        {
            using var m = YamlMap.Of(root, file, "the criteria file");
            if (m is null) return null;
            var framework = m.String("framework", required: true);
            if (framework is not null && !IdPattern().IsMatch(framework))
                file.Error(m.Get("framework")!, $"\"framework\" must be an id of lower-case letters, digits, \".\" and \"-\", not \"{framework}\".");
            var title = m.String("title", required: true);
            var summary = m.String("summary", required: true);
            _sources = ReadSources(m.Sequence("sources", required: true));
            var groups = ReadGroups(m.Sequence("groups", required: true));
            var criteria = new List<Criterion>();
            foreach (var node in m.Sequence("criteria", required: true))
            {
                var c = ReadCriterion(node, groups);
                if (c is null) continue;
                if (criteria.Any(x => x.Id == c.Id)) file.Error(c.Position, $"criterion id \"{c.Id}\" is used twice.");
                else criteria.Add(c);
            }
            foreach (var g in groups.Where(g => criteria.All(c => c.Group != g.Id)))
                file.Error(m.Get("groups")!, $"group \"{g.Id}\" has no criteria.");
            var target = m.Get("unaids-target") is { } t ? ReadTarget(t) : null;
            if (framework is null || title is null || summary is null) return null;
            return new Criteria
            {
                Framework = framework, Title = title, Summary = summary, Sources = _sources, Groups = groups, All = criteria, Target = target,
            };
        }

        private Dictionary<string, CriteriaSource> ReadSources(IEnumerable<YamlNode> nodes)
        {
            var sources = new Dictionary<string, CriteriaSource>(StringComparer.Ordinal);
            foreach (var node in nodes)
            {
                using var m = YamlMap.Of(node, file, "a source");
                if (m is null) continue;
                var id = Id(m);
                var title = m.String("title", required: true);
                var path = m.String("file", required: true);
                var url = m.String("url");
                var date = m.Date("date");
                if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
                    file.Error(m.Get("url")!, $"\"url\" must be an absolute address such as https://…, not \"{url}\".");
                if (id is null || title is null || path is null) continue;
                var text = openSource(path);
                if (text is null) file.Error(m.Get("file")!, $"the source text \"{path}\" is not there; bundle the document beside the criteria so its quotes can be checked.");
                _texts[id] = text is null ? null : Normalise(LineBreakHyphen().Replace(text, ""));
                if (!sources.TryAdd(id, new CriteriaSource(id, title, path, url, date)))
                    file.Error(m.Get("id")!, $"source id \"{id}\" is used twice.");
            }
            return sources;
        }

        private List<CriterionGroup> ReadGroups(IEnumerable<YamlNode> nodes)
        {
            var groups = new List<CriterionGroup>();
            foreach (var node in nodes)
            {
                using var m = YamlMap.Of(node, file, "a group");
                if (m is null) continue;
                var id = Id(m);
                var title = m.String("title", required: true);
                var core = m.Bool("core") ?? false;
                var summary = m.String("summary", required: true);
                if (id is null || title is null || summary is null) continue;
                if (groups.Any(g => g.Id == id)) file.Error(m.Get("id")!, $"group id \"{id}\" is used twice.");
                else groups.Add(new CriterionGroup(id, title, core, summary));
            }
            return groups;
        }

        private Criterion? ReadCriterion(YamlNode node, List<CriterionGroup> groups)
        {
            using var m = YamlMap.Of(node, file, "a criterion");
            if (m is null) return null;
            var id = Id(m);
            var group = m.String("group", required: true);
            if (group is not null && groups.All(g => g.Id != group))
                file.Error(m.Get("group")!, $"group \"{group}\" is not defined in \"groups\"; known: {string.Join(", ", groups.Select(g => g.Id))}.");
            var title = m.String("title", required: true);
            var requires = m.String("requires", required: true);
            var cites = ReadPassages(m, "cites");
            var test = ReadTest(m);
            if (id is null || group is null || title is null || requires is null || test is null || cites.Count == 0) return null;
            return new Criterion(id, group, title, requires, cites, test, m.Position);
        }

        private CriterionTest? ReadTest(YamlMap m)
        {
            var kind = m.Enum("test", TestKinds.Words, required: true);
            var responses = m.List("responses").Select(x => file.EnumValue(x.Node, "responses", ResponseKinds.Words)).OfType<ResponseKind>().ToHashSet();
            var police = m.List("police").Select(x => file.EnumValue(x.Node, "police", Words.Instructions)).OfType<Instruction>().ToHashSet();
            var conducts = m.List("conduct").Select(x => file.EnumValue(x.Node, "conduct", Words.Conducts)).OfType<Conduct>().ToHashSet();
            var measure = m.Enum("measure", Words.Measures);
            if (kind is null) return null;
            void Needs(bool ok, string key, string message)
            {
                if (!ok) file.Error(m.Get(key) ?? m.Get("test")!, message);
            }
            var name = kind.Value.Name();
            Needs(kind == TestKind.NoResponse ? responses.Count + police.Count > 0 : responses.Count + police.Count == 0, "responses",
                kind == TestKind.NoResponse ? "test \"no-response\" needs \"responses\" (response kinds) or \"police\" (instructions) to look for."
                                            : $"test \"{name}\" takes no \"responses\" or \"police\".");
            Needs(kind == TestKind.NotCriminal ? conducts.Count > 0 : kind == TestKind.NoResponse || conducts.Count == 0, "conduct",
                kind == TestKind.NotCriminal ? "test \"not-criminal\" needs \"conduct\": the conducts that must not be crimes."
                                             : $"test \"{name}\" takes no \"conduct\".");
            Needs(kind == TestKind.Fact ? measure is not null : measure is null, "measure",
                kind == TestKind.Fact ? $"test \"fact\" needs \"measure\", one of: {string.Join(", ", Words.Measures.Keys)}."
                                      : $"test \"{name}\" takes no \"measure\"; only a \"fact\" test reads a measure.");
            return new CriterionTest(kind.Value, responses, police, conducts, measure);
        }

        private UnaidsTarget? ReadTarget(YamlNode node)
        {
            using var m = YamlMap.Of(node, file, "the UNAIDS target");
            if (m is null) return null;
            var share = m.String("share", required: true);
            var year = m.Int("year", min: 2000);
            var cites = ReadPassages(m, "cites");
            decimal value = 0;
            if (share is not null && !(share.EndsWith('%') && decimal.TryParse(share[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value is > 0 and < 100))
                file.Error(m.Get("share")!, $"\"share\" must be a percentage such as 10%, not \"{share}\".");
            if (year is null) file.Error(m.Node, "the UNAIDS target needs a \"year\".");
            return share is null || year is null ? null : new UnaidsTarget(value / 100, year.Value, cites);
        }

        private List<Passage> ReadPassages(YamlMap owner, string key)
        {
            var passages = new List<Passage>();
            var nodes = owner.Sequence(key, required: true).ToList();
            if (nodes.Count == 0 && owner.Has(key)) file.Error(owner.Get(key)!, $"\"{key}\" must list at least one passage.");
            foreach (var node in nodes)
            {
                using var m = YamlMap.Of(node, file, "a cited passage");
                if (m is null) continue;
                var source = m.String("source", required: true);
                var pinpoint = m.String("pinpoint", required: true);
                var quote = m.String("quote", required: true);
                if (source is null || pinpoint is null || quote is null) continue;
                if (!_sources.ContainsKey(source))
                {
                    file.Error(m.Get("source")!, $"source \"{source}\" is not defined in \"sources\"; known ids: {string.Join(", ", _sources.Keys)}.");
                    continue;
                }
                if (_texts[source] is { } text && Missing(text, quote) is { } fragment)
                    file.Error(m.Get("quote")!, $"the quote is not in \"{_sources[source].File}\": \"{fragment}\" was not found (after it, if the quote has several parts joined by …).");
                passages.Add(new Passage(source, pinpoint, quote));
            }
            return passages;
        }

        /// <summary>The first fragment of <paramref name="quote"/> (split at "…") not found in order in <paramref name="text"/>, or null.</summary>
        private static string? Missing(string text, string quote)
        {
            var at = 0;
            foreach (var part in quote.Split('…', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var fragment = Normalise(part);
                var i = text.IndexOf(fragment, at, StringComparison.Ordinal);
                if (i < 0) return fragment;
                at = i + fragment.Length;
            }
            return null;
        }

        private string? Id(YamlMap m)
        {
            var id = m.String("id", required: true);
            if (id is not null && !IdPattern().IsMatch(id))
                file.Error(m.Get("id")!, $"id \"{id}\" must be lower-case letters, digits, \".\" and \"-\".");
            return id;
        }
    }
}
