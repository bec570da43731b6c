using System.CommandLine;
using Decrim.Cli.Commands;

namespace Decrim.Cli;

/// <summary>Builds the command tree. Exit codes: 0 success, 1 the catalogue does not validate, 2 bad input.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var catalogue = new Option<string?>("--catalogue") { Description = "Folder of policy files (default: the bundled policies/).", Recursive = true };
        var root = new RootCommand("Decrim: drug laws as code. Ask what happens to a person, found with what, where and when, and why.")
        {
            Options = { catalogue },
        };
        root.Subcommands.Add(ValidateCommand.Create(catalogue));
        root.Subcommands.Add(EvaluateCommand.Create(catalogue));
        root.Subcommands.Add(EvaluateBatchCommand.Create(catalogue));
        root.Subcommands.Add(ClassifyCommand.Create(catalogue));
        root.Subcommands.Add(TimelineCommand.Create(catalogue));
        root.Subcommands.Add(AssessCommand.Create(catalogue));
        root.Subcommands.Add(CompareCommand.Create(catalogue));
        root.Subcommands.Add(IndicatorCommand.Create(catalogue));
        root.Subcommands.Add(SimulateCommand.Create(catalogue));
        root.Subcommands.Add(CatalogueCommand.Create(catalogue));
        root.Subcommands.Add(TestCommand.Create(catalogue));
        root.Subcommands.Add(ShowCommand.Create(catalogue));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"decrim: {e.Message}");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CatalogueException or Evaluation.EvaluationException or UsageException or Simulation.SimulationException)
        {
            error.WriteLine($"decrim: {e.Message}");
            return BadInput;
        }
    }

    internal static Catalogue Open(ParseResult result, Option<string?> option) =>
        new(result.GetValue(option) ?? Catalogue.DefaultFolder());
}

/// <summary>Input on the command line that the core cannot take as given; the message is shown as one line.</summary>
internal sealed class UsageException(string message) : Exception(message);
