using Decrim.Assessment;
using Decrim.Policies;

namespace Decrim.Tests.Assessment;

public class CriteriaReaderTest
{
    private static readonly string Folder = Path.Combine(Repo.Root, "criteria");

    private static string Bundled => File.ReadAllText(Path.Combine(Folder, "full-decriminalisation.yaml"));

    private static IReadOnlyList<Diagnostic> Read(string text) =>
        CriteriaReader.Read(text, "criteria.yaml", name => File.Exists(Path.Combine(Folder, name)) ? File.ReadAllText(Path.Combine(Folder, name)) : null).Diagnostics;

    [Fact]
    public void Bundled_ReadsFromDiskAndFromTheAssemblyAlike()
    {
        var (disk, diagnostics) = CriteriaReader.ReadFolder(Folder);
        Assert.True(disk is not null, string.Join("\n", diagnostics));
        Assert.Equal(disk.All.Select(c => c.Id), Criteria.Default.All.Select(c => c.Id));
    }

    [Fact]
    public void Bundled_CoversEveryRecommendationAndThePlatform()
    {
        var pinpoints = Criteria.Default.All.SelectMany(c => c.Cites).Select(p => p.Pinpoint).ToList();
        foreach (var rec in new[] { "recommendation 1a", "recommendation 1b", "recommendation 1c", "recommendation 1d", "recommendation 2", "recommendation 3", "recommendation 4", "recommendation 5" })
            Assert.Contains(pinpoints, p => p.EndsWith(rec, StringComparison.Ordinal));
        Assert.Contains(Criteria.Default.All, c => c.Cites.Any(p => p.SourceId == "we-are-the-evidence-2021"));
        Assert.Equal(0.10m, Criteria.Default.Target!.Share);
    }

    [Fact]
    public void Bundled_EveryMeasureAndTestKindIsUsed()
    {
        var tests = Criteria.Default.All.Select(c => c.Test).ToList();
        Assert.Equal(Enum.GetValues<TestKind>().Order(), tests.Select(t => t.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<MeasureKind>().Order(), tests.Select(t => t.Measure).OfType<MeasureKind>().Order());
    }

    [Fact]
    public void Read_QuoteNotInTheSource_IsAnErrorAtTheQuote()
    {
        var text = Bundled.Replace("including fines, warnings", "including fines, warnings and hugs");
        var d = Assert.Single(Read(text));
        Assert.Contains("the quote is not in \"sources/inpud-2021-drug-decriminalisation.txt\": \"including fines, warnings and hugs\"", d.Message);
        var line = Bundled.Split('\n').ToList().FindIndex(l => l.Contains("including fines, warnings", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, d.Position.Line);
    }

    [Fact]
    public void Read_QuoteSpanningALineBreakAndTypographicQuotes_IsFound()
    {
        // "involved" is broken across lines ("in-\n\nvolved") and "‘deemed supply’" has curly quotes in the report's text.
        Assert.Empty(Read(Bundled));
        Assert.Contains("'deemed supply'", CriteriaReader.Normalise("‘deemed\n\nsupply’"));
    }

    [Theory]
    [InlineData("    test: no-response\n    responses: [fine]\n", "    test: no-response\n", "needs \"responses\"")]
    [InlineData("    test: no-response\n    responses: [fine]\n", "    test: no-response\n    responses: [fines]\n", "\"responses\" must be one of")]
    [InlineData("    test: fact\n    measure: police-training\n", "    test: fact\n", "needs \"measure\"")]
    [InlineData("    test: fact\n    measure: police-training\n", "    test: fact\n    measure: police-training\n    colour: red\n", "unknown key \"colour\"")]
    [InlineData("    group: sanctions\n    title: \"No fines\"", "    group: fines\n    title: \"No fines\"", "group \"fines\" is not defined")]
    [InlineData("    file: sources/we-are-the-evidence-2021.txt", "    file: sources/missing.txt", "is not there")]
    public void Read_BrokenCriteria_OneClearError(string find, string replace, string message)
    {
        Assert.Contains(find, Bundled);
        var diagnostics = Read(Bundled.Replace(find, replace));
        Assert.NotEmpty(diagnostics);
        Assert.Contains(diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
    }
}
