namespace Decrim.Tests.Cli;

/// <summary><c>decrim evaluate-batch</c> on real files: one pathway per row, errors by line and column, nothing stored lost.</summary>
public sealed class EvaluateBatchCommandTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("decrim-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(string csv, string? jurisdiction = "NO")
    {
        var input = Path.Combine(_dir, "in.csv");
        File.WriteAllText(input, csv);
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["evaluate-batch", "-i", input, "-o", Path.Combine(_dir, "out.csv"), "--quiet", "--catalogue", Repo.Policies];
        if (jurisdiction is not null) args = [.. args, "-j", jurisdiction];
        return (Decrim.Cli.Cli.Run(args, output, error), output.ToString(), error.ToString());
    }

    private string[] Output() => File.ReadAllLines(Path.Combine(_dir, "out.csv"));

    [Fact]
    public void Rows_GetOnePathwayEachInOrder_WithErrorsForQuestionsTheLawCannotAnswer()
    {
        var (code, _, error) = Run("id,date,substance,amount,dependent\nr1,2023-06-01,heroin,4 g,yes\nr2,2023-06-01,heroin,12 g,yes\nr3,1990-01-01,heroin,1 g,\n");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = Output();
        Assert.Equal(Decrim.Batch.BatchCsv.OutputHeader, lines[0]);
        Assert.StartsWith("2,r1,NO,2023-06-01,heroin,advisory-units-2022,dependent-own-use,criminal,no,no-action,", lines[1]);
        Assert.Contains(",criminal,yes,", lines[2]);
        Assert.EndsWith(",no version is in force on this date", lines[3]);
    }

    [Fact]
    public void JurisdictionColumn_LetsOneFileSpanJurisdictions()
    {
        var (code, _, _) = Run("jurisdiction,date,substance,amount\nPT,2023-06-01,cocaine,1 g\nCZ,2015-06-01,cocaine,5 g\n", jurisdiction: null);
        Assert.Equal(0, code);
        var lines = Output();
        Assert.Contains(",PT,", lines[1]);
        Assert.Contains(",CZ,", lines[2]);
        Assert.Contains(",greater-than-small,criminal,yes,", lines[2]);
    }

    [Theory]
    [InlineData("date,substance,amount\n2023-06-01,heroin,4 g\n2023-06-01,heroin,4 x\n", "line 3, column amount: unknown unit \"x\"")]
    [InlineData("date,substance,amount\n2023-06-01,heroine,4 g\n", "line 2, column substance: unknown substance \"heroine\"")]
    [InlineData("date,substance,amount\n2023-6-1,heroin,4 g\n", "line 2, column date: expected a date as YYYY-MM-DD")]
    [InlineData("date,substance,amount\n2023-06-01,heroin\n", "line 2: the row has 2 fields but the header has 3")]
    [InlineData("date,substance,weight\n", "line 1, column weight: unknown column \"weight\"")]
    [InlineData("date,substance,amount,dependent\n2023-06-01,heroin,4 g,maybe\n", "line 2, column dependent: expected yes, no or unknown")]
    public void MalformedRow_ExitsTwoNamingLineAndColumn_AndKeepsThePreviousOutput(string csv, string message)
    {
        File.WriteAllText(Path.Combine(_dir, "out.csv"), "earlier result\n");
        var (code, output, error) = Run(csv);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal(["earlier result"], Output());
        Assert.False(File.Exists(Path.Combine(_dir, "out.csv.partial")));
    }
}
