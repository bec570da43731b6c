using System.CommandLine;
using Decrim.Policies;
using Decrim.Scenarios;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim validate [path]</c>: checks a policy file or a whole catalogue folder, scenario files included.</summary>
internal static class ValidateCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var path = new Argument<string?>("path") { Description = "A policy file or a folder of them (default: the catalogue).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", "Check policy files, their scenario tests and the criteria beside them: every error names file:line:column and what was expected.") { path };
        command.SetAction(result =>
        {
            var target = result.GetValue(path) ?? result.GetValue(catalogueOption) ?? Catalogue.DefaultFolder();
            var output = result.InvocationConfiguration.Output;
            var diagnostics = new List<Diagnostic>();
            var files = 0;
            if (File.Exists(target))
            {
                files = 1;
                diagnostics.AddRange(PolicyReader.ReadFile(target).Diagnostics);
            }
            else if (Directory.Exists(target))
            {
                var catalogue = new Catalogue(target);
                foreach (var file in Directory.EnumerateFiles(target, "*.yaml").Order(StringComparer.Ordinal))
                {
                    files++;
                    diagnostics.AddRange(PolicyReader.ReadFile(file).Diagnostics);
                }
                var tests = Path.Combine(target, "tests");
                if (Directory.Exists(tests))
                    foreach (var file in Directory.EnumerateFiles(tests, "*.yaml").Order(StringComparer.Ordinal))
                    {
                        files++;
                        diagnostics.AddRange(ScenarioReader.ReadFile(file, catalogue).Diagnostics);
                    }
                // The criteria beside a catalogue (criteria/ next to policies/) are checked too: every quote against its source.
                var criteria = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "criteria");
                if (File.Exists(Path.Combine(criteria, "full-decriminalisation.yaml")))
                {
                    files++;
                    diagnostics.AddRange(Assessment.CriteriaReader.ReadFolder(criteria).Diagnostics);
                }
            }
            else
            {
                throw new UsageException($"no policy file or folder at \"{target}\".");
            }
            foreach (var d in diagnostics) output.WriteLine(d);
            output.WriteLine(diagnostics.Count == 0
                ? $"{files} file(s) valid."
                : $"{diagnostics.Count} problem(s) in {diagnostics.Select(d => d.Position.File).Distinct().Count()} of {files} file(s).");
            return diagnostics.Count == 0 ? Cli.Ok : Cli.Invalid;
        });
        return command;
    }
}
