using System.CommandLine;
using Decrim.Classification;
using Decrim.Scenarios;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim test [path]</c>: runs scenario files (policies/tests/*.yaml) as OpenFisca runs its YAML tests.</summary>
internal static class TestCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var path = new Argument<string?>("path") { Description = "A scenario file or folder (default: the catalogue's tests/).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("test", "Run scenario tests written as data: an encounter and the pathway expected.") { path };
        command.SetAction(result =>
        {
            var catalogue = Cli.Open(result, catalogueOption);
            var target = result.GetValue(path) ?? Path.Combine(catalogue.Folder, "tests");
            var files = File.Exists(target) ? [target] : Directory.Exists(target) ? Directory.EnumerateFiles(target, "*.yaml").Order(StringComparer.Ordinal).ToArray()
                : throw new UsageException($"no scenario file or folder at \"{target}\".");
            var output = result.InvocationConfiguration.Output;
            int passed = 0, failed = 0;
            foreach (var file in files)
            {
                var (scenarios, diagnostics) = ScenarioReader.ReadFile(file, catalogue);
                foreach (var d in diagnostics) { output.WriteLine(d); failed++; }
                if (scenarios is null) continue;
                var policy = catalogue.Get(scenarios.Jurisdiction);
                foreach (var s in scenarios.Scenarios)
                {
                    var failures = ScenarioRunner.Run(s, policy);
                    if (failures.Count == 0) { passed++; continue; }
                    failed++;
                    output.WriteLine($"FAIL {s.Position}: {s.Name}");
                    foreach (var f in failures) output.WriteLine($"     {f}");
                }
                foreach (var c in scenarios.Classifications)
                {
                    var actual = Classifier.Classify(policy, c.Date).Headline.Name();
                    if (actual == c.Model) { passed++; continue; }
                    failed++;
                    output.WriteLine($"FAIL {c.Position}: {c.Jurisdiction} on {c.Date:yyyy-MM-dd} expected {c.Model} but classified {actual}");
                }
            }
            output.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? Cli.Ok : Cli.Invalid;
        });
        return command;
    }
}
