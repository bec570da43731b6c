using System.Text.RegularExpressions;
using Decrim.Policies;

namespace Decrim.Tests.Policies;

public partial class PolicyReaderTest
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.Fixtures, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    /// <summary>Each broken fixture says on its first line where the error is and what it says: "# expect 16:5: text".</summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Read_BrokenFixture_ReportsTheExpectedLineColumnAndMessage(string name)
    {
        var path = Path.Combine(Repo.Fixtures, name);
        var header = Expect().Match(File.ReadLines(path).First());
        Assert.True(header.Success, $"{name} has no '# expect line:col: text' header");
        var (policy, diagnostics) = PolicyReader.ReadFile(path);
        Assert.Null(policy);
        var d = Assert.Single(diagnostics);
        Assert.Equal((int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(header.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)), (d.Position.Line, d.Position.Column));
        Assert.Contains(header.Groups[3].Value, d.Message);
        Assert.StartsWith($"{path}:{d.Position.Line}:{d.Position.Column}: ", d.ToString());
    }

    [Fact]
    public void Read_Catalogue_EveryPolicyValidates()
    {
        var codes = Repo.Catalogue.Codes();
        Assert.NotEmpty(codes);
        foreach (var code in codes)
        {
            var (policy, diagnostics) = Repo.Catalogue.Read(code);
            Assert.True(policy is not null, $"{code}: {string.Join("\n", diagnostics)}");
        }
    }

    [Fact]
    public void Read_EmptyText_IsOneDiagnosticNotAnException()
    {
        var (policy, diagnostics) = PolicyReader.Read("", "empty.yaml");
        Assert.Null(policy);
        Assert.Contains("empty", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Read_FileNamedForAnotherJurisdiction_IsRejected()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Policies, "NO.yaml"));
        var (_, diagnostics) = PolicyReader.Read(text, "PT.yaml");
        Assert.Contains(diagnostics, d => d.Message.Contains("must hold jurisdiction PT", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Norway_SharesRulesThroughAnchorsAndKeepsVersionsInOrder()
    {
        var no = Repo.Catalogue.Get("NO");
        Assert.Equal(["statute-2000", "dpp-letter-2021", "supreme-court-2022", "dpp-letter-2022", "advisory-units-2022"], no.Versions.Select(v => v.Id));
        Assert.All(no.Versions.Zip(no.Versions.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        Assert.Null(no.Versions[^1].To);
    }

    [GeneratedRegex(@"^# expect (\d+):(\d+): (.+)$")]
    private static partial Regex Expect();
}
