using System.CommandLine;
using Decrim.Classification;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim catalogue</c>: coverage of the catalogue — versions, facts, how many are cited and unverified.</summary>
internal static class CatalogueCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var unverified = new Option<bool>("--unverified") { Description = "List every unverified fact." };
        var command = new Command("catalogue", "List the jurisdictions with versions, facts, share cited and share unverified.") { unverified };
        command.SetAction(result =>
        {
            var catalogue = Cli.Open(result, catalogueOption);
            var output = result.InvocationConfiguration.Output;
            output.WriteLine($"| {"code",-6} | {"name",-22} | {"versions",8} | {"facts",5} | {"cited",6} | {"unverified",10} | {"verified",10} | model today");
            output.WriteLine("|--------|------------------------|----------|-------|--------|------------|------------|------------");
            int totalFacts = 0, totalCited = 0, totalUnverified = 0;
            var list = new List<string>();
            foreach (var policy in catalogue.All())
            {
                var facts = policy.Facts().ToList();
                var cited = facts.Count(f => f.Citation.SourceId is not null && !f.Citation.Unverified);
                var unv = facts.Where(f => f.Citation.Unverified).ToList();
                totalFacts += facts.Count; totalCited += cited; totalUnverified += unv.Count;
                list.AddRange(unv.Select(f => $"{f.Fact}: {f.Citation.Note}"));
                var today = DateOnly.FromDateTime(DateTime.Today);
                var current = policy.VersionAt(today) ?? policy.Versions[^1];
                var model = policy.VersionAt(today) is null ? "—" : Classifier.Classify(policy, today) is var c ? $"{c.Headline.Title()} ({c.Scope})" : "";
                output.WriteLine($"| {policy.Code,-6} | {Trim(policy.Name, 22),-22} | {policy.Versions.Count,8} | {facts.Count,5} | {Pct(cited, facts.Count),6} | {Pct(unv.Count, facts.Count),10} | {current.Verified:yyyy-MM-dd} | {model}");
            }
            output.WriteLine($"| total  | {catalogue.All().Count() + " jurisdictions",-22} | {catalogue.All().Sum(p => p.Versions.Count),8} | {totalFacts,5} | {Pct(totalCited, totalFacts),6} | {Pct(totalUnverified, totalFacts),10} |            |");
            if (result.GetValue(unverified))
            {
                output.WriteLine();
                output.WriteLine("Unverified facts:");
                foreach (var f in list) output.WriteLine($"  - {f}");
            }
            return Cli.Ok;
        });
        return command;
    }

    private static string Pct(int part, int whole) => whole == 0 ? "—" : $"{100.0 * part / whole:0.#}%";
    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
