using Decrim.Policies;
using FsCheck;
using FsCheck.Fluent;

namespace Decrim.Tests.Policies;

/// <summary>The validator never throws: random truncations, deletions, insertions and line swaps of real policy files.</summary>
public class PolicyReaderFuzzTest
{
    private static readonly string[] Texts =
        Directory.EnumerateFiles(Repo.Policies, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    private static readonly string[] Noise = [":", "- ", "{", "}", "[", "]", "\t", "\n", "  ", "&a", "*a", "*zz", "'", "\"", "#", "~", "? ", "!!str ", "id: x", "source: nowhere", "1 g", "-5", "2024-02-30", "%", "|", ">", "\u0000", "é"];

    private static Gen<string> Mutated() =>
        from text in Gen.Elements(Texts)
        from n in Gen.Choose(1, 6)
        from ops in Gen.ListOf(Op(), n)
        select ops.Aggregate(text, (t, op) => op(t));

    private static Gen<Func<string, string>> Op() => Gen.OneOf(
        from f in Gen.Choose(0, 1000) select (Func<string, string>)(t => t[..(t.Length * f / 1000)]),
        from f in Gen.Choose(0, 1000) from n in Gen.Choose(1, 40) select (Func<string, string>)(t => Remove(t, t.Length * f / 1000, n)),
        from f in Gen.Choose(0, 1000) from s in Gen.Elements(Noise) select (Func<string, string>)(t => t.Insert(t.Length * f / 1000, s)),
        from a in Gen.Choose(0, 1000) from b in Gen.Choose(0, 1000) select (Func<string, string>)(t => SwapLines(t, a, b)));

    [Fact]
    public void Read_MutatedPolicies_NeverThrowsAndPointsIntoTheFile()
    {
        var property = Prop.ForAll(Mutated().ToArbitrary(), text =>
        {
            var (policy, diagnostics) = PolicyReader.Read(text, "fuzz.yaml");
            var lines = text.Split('\n').Length;
            return (policy is not null) != (diagnostics.Count > 0)
                && diagnostics.All(d => d.Position.Line >= 1 && d.Position.Line <= lines + 1 && d.Position.Column >= 1 && d.Message.Length > 0);
        });
        var runs = int.TryParse(Environment.GetEnvironmentVariable("DECRIM_FUZZ_RUNS"), out var n) ? n : 400;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(runs), property);
    }

    private static string Remove(string t, int at, int n) => t.Length == 0 ? t : t.Remove(Math.Min(at, t.Length - 1), Math.Min(n, t.Length - Math.Min(at, t.Length - 1)));

    private static string SwapLines(string t, int a, int b)
    {
        var lines = t.Split('\n');
        int i = lines.Length * a / 1001, j = lines.Length * b / 1001;
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return string.Join('\n', lines);
    }
}
