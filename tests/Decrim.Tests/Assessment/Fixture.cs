using Decrim.Policies;

namespace Decrim.Tests.Assessment;

/// <summary>Small policies written for one test each: a use-and-possession rule with the given responses, and optional thresholds, other rules, supply and measures.</summary>
internal static class Fixture
{
    public static readonly DateOnly Date = new(2024, 6, 1);

    public static Policy Policy(string then = "[no-action]", string offence = "administrative", string thresholds = "", string rules = "",
        string supply = "", string police = "", string measures = "", string possessionExceptions = "")
    {
        var text = $$"""
            jurisdiction: XX
            name: Fixture
            sources:
              - { id: act, title: The Act }
            versions:
              - id: v1
                from: 2000-01-01
                basis: statute
                verified: 2030-01-01
                summary: A fixture.
                source: act
            {{Indent(thresholds.Length > 0 ? "thresholds:\n" + thresholds : "", 4)}}
                rules:
                  - id: possession
                    conduct: [use, possession]
                    offence: {{offence}}
                    source: act
                    then: {{then}}
            {{Indent(possessionExceptions.Length > 0 ? "exceptions:\n" + possessionExceptions : "", 8)}}
            {{Indent(rules, 6)}}
            {{Indent(supply.Length > 0 ? "supply:\n" + supply : "", 4)}}
            {{Indent(police.Length > 0 ? "police:\n" + police : "", 4)}}
            {{(measures.Length > 0 ? "measures:\n" + measures : "")}}
            """;
        var (policy, diagnostics) = PolicyReader.Read(text, "XX.yaml");
        Assert.True(policy is not null, string.Join("\n", diagnostics) + "\n" + text);
        return policy;
    }

    private static string Indent(string block, int spaces) =>
        string.Join("\n", block.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));
}
