namespace Decrim.Tests.Cli;

/// <summary>The `decrim` command run in-process against the real catalogue: exit codes and one-line errors.</summary>
public class CliTest
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Command.Run(args);

    [Theory]
    [InlineData("unknown jurisdiction \"XX\"", "evaluate", "-j", "XX", "-d", "2023-06-01", "-s", "heroin", "-a", "1g")]
    [InlineData("no version in force on 1980-01-01", "evaluate", "-j", "NO", "-d", "1980-01-01", "-s", "heroin", "-a", "1g")]
    [InlineData("unknown substance \"heroine\"", "evaluate", "-j", "NO", "-d", "2023-06-01", "-s", "heroine", "-a", "1g")]
    [InlineData("has no unit", "evaluate", "-j", "NO", "-d", "2023-06-01", "-s", "heroin", "-a", "4")]
    [InlineData("is not a date", "evaluate", "-j", "NO", "-d", "2023-13-01", "-s", "heroin", "-a", "1g")]
    [InlineData("heroin is not measured in plants", "evaluate", "-j", "NO", "-d", "2023-06-01", "-s", "heroin", "-a", "2plants")]
    [InlineData("unknown jurisdiction", "classify", "ZZ")]
    public void BadInput_ExitsTwoWithOneLine(string message, params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Evaluate_Text_ShowsPathwayBasisAndTrace()
    {
        var (code, output, _) = Run("evaluate", "-j", "NO", "-d", "2023-06-01", "-s", "heroin", "-a", "4g", "--dependent");
        Assert.Equal(0, code);
        Assert.Contains("Version advisory-units-2022", output);
        Assert.Contains("1. no action", output);
        Assert.Contains("basis: rule dependent-own-use (court)", output);
        Assert.Contains("[dependent-own-use] overrides use-possession", output);
    }

    [Fact]
    public void Evaluate_Json_IsParseable()
    {
        var (code, output, _) = Run("evaluate", "-j", "NO", "-d", "2023-06-01", "-s", "heroin", "-a", "4g", "-s", "cannabis-herb", "-a", "20g", "--format", "json");
        Assert.Equal(0, code);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.True(json.GetProperty("criminal").GetBoolean());
        Assert.Equal(2, json.GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public void Validate_Catalogue_Passes()
    {
        var (code, output, _) = Run("validate");
        Assert.True(code == 0, output);
        Assert.EndsWith("valid.\n", output);
    }

    [Fact]
    public void Validate_BrokenFile_ExitsOneWithFileLineColumn()
    {
        var path = Path.Combine(Repo.Fixtures, "unknown-key.yaml");
        var (code, output, _) = Run("validate", path);
        Assert.Equal(1, code);
        Assert.StartsWith($"{path}:16:5: unknown key \"tresholds\"", output);
    }

    [Fact]
    public void Classify_Json_NamesTheModel()
    {
        var (code, output, _) = Run("classify", "NO", "--date", "2021-06-01", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("depenalisation", System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void Timeline_Norway_ShowsTheChange()
    {
        var (code, output, _) = Run("timeline", "NO");
        Assert.Equal(0, code);
        Assert.Contains("changed: opioids, adults: Prohibition → Depenalisation", output);
    }

    [Fact]
    public void Test_CatalogueScenarios_AllPass()
    {
        var (code, output, _) = Run("test");
        Assert.True(code == 0, output);
        Assert.Matches(@"\d+ passed, 0 failed", output);
    }
}

public class ShowCommandTest
{
    [Fact]
    public void Show_VersionAtDate_PrintsTheRuleTree()
    {
        var output = new StringWriter();
        var code = Decrim.Cli.Cli.Run(["show", "NO", "--date", "2023-01-01", "--catalogue", Repo.Policies], output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("dependent-own-use: except when quantity within and dependent → criminal (court)", output.ToString());
        Assert.Contains("youth-advisory-unit: except when age 15-17 and prior incidents 0", output.ToString());
    }
}
