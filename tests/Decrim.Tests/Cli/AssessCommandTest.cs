using System.Text.Json;

namespace Decrim.Tests.Cli;

/// <summary>`decrim assess`, `compare` and `indicator` in-process against the real catalogue.</summary>
public class AssessCommandTest
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Command.Run(args);

    [Theory]
    [InlineData("text", "Fully decriminalised: no")]
    [InlineData("markdown", "| Criterion | Verdict | Finding | Basis |")]
    [InlineData("csv", "jurisdiction,date,version,group,criterion")]
    [InlineData("json", "\"fullyDecriminalised\": \"not-met\"")]
    public void Assess_EachFormat(string format, string expected)
    {
        var (code, output, error) = Run("assess", "PT", "--date", "2024-06-01", "--format", format);
        Assert.True(code == 0, error);
        Assert.Contains(expected, output);
        if (format == "json") JsonDocument.Parse(output);
    }

    [Theory]
    [InlineData("text", "[5] 2022-07-01  advisory-units-2022")]
    [InlineData("markdown", "| **Fully decriminalised** |")]
    [InlineData("csv", "NO,2022-07-01,advisory-units-2022,")]
    [InlineData("json", "\"version\": \"supreme-court-2022\"")]
    public void Assess_Versions_EachFormat(string format, string expected)
    {
        var (code, output, error) = Run("assess", "NO", "--versions", "--format", format);
        Assert.True(code == 0, error);
        Assert.Contains(expected, output);
    }

    [Theory]
    [InlineData("unknown jurisdiction \"XX\"", "assess", "XX")]
    [InlineData("no version in force on 1980-01-01", "assess", "NO", "--date", "1980-01-01")]
    [InlineData("leave out --date", "assess", "NO", "--versions", "--date", "2023-01-01")]
    [InlineData("named once", "compare", "NO", "no")]
    [InlineData("unknown jurisdiction \"XX\"", "compare", "NO", "XX")]
    [InlineData("is not a date", "indicator", "--date", "2024-02-30")]
    public void BadInput_ExitsTwoWithOneLine(string message, params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Assess_BrokenCriteriaFolder_ListsProblemsAndExitsOne()
    {
        var folder = Directory.CreateTempSubdirectory("decrim-criteria-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "full-decriminalisation.yaml"), "framework: x\ntitle: X\n");
            var (code, _, error) = Run("assess", "NO", "--criteria", folder);
            Assert.Equal(1, code);
            Assert.Contains("full-decriminalisation.yaml:1:1: the criteria file needs a \"summary\" key.", error);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void Compare_ThreeJurisdictions_Markdown()
    {
        var (code, output, error) = Run("compare", "PT", "NO", "CZ", "--date", "2024-06-01", "--format", "markdown");
        Assert.True(code == 0, error);
        Assert.Contains("Portugal (PT)", output);
        Assert.Contains("| **A 16-year-old with a small amount of cannabis** |", output);
    }

    [Fact]
    public void Indicator_Text_GivesTheShareAndTheList()
    {
        var (code, output, error) = Run("indicator", "--date", "2024-06-01");
        Assert.True(code == 0, error);
        Assert.Contains("UNAIDS 2025 target: fewer than 10% of countries", output);
        Assert.Contains("Subnational entries, counted separately", output);
    }
}
