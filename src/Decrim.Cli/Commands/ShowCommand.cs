using System.CommandLine;
using Decrim.Policies;

namespace Decrim.Cli.Commands;

/// <summary><c>decrim show NO [--date]</c>: the compiled policy in readable form — every version, or the one in force at a date.</summary>
internal static class ShowCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var code = new Argument<string>("jurisdiction") { Description = "ISO 3166 code." };
        var date = new Option<string?>("--date", "-d") { Description = "Only the version in force on this date." };
        var compiled = new Option<bool>("--compiled") { Description = "Print the batch evaluator's compiled form instead: per version, conduct and substance, the integer limits, rule tree tests and police checks." };
        var command = new Command("show", "Print a jurisdiction's rules as the engine reads them: thresholds, base rules and exceptions, police practice, supply.") { code, date, compiled };
        command.SetAction(result =>
        {
            var policy = Cli.Open(result, catalogueOption).Get(result.GetValue(code)!);
            var output = result.InvocationConfiguration.Output;
            output.WriteLine($"{policy.Name} ({policy.Code}), {policy.File}");
            if (result.GetValue(compiled))
            {
                output.Write(Batch.CompiledPolicy.Compile(policy).Describe());
                return Cli.Ok;
            }
            var versions = result.GetValue(date) is { } d
                ? [policy.VersionAt(EvaluateCommand.ParseDate(d)) ?? throw new UsageException($"{policy.Code} has no version in force on {d}.")]
                : policy.Versions;
            foreach (var v in versions) { output.WriteLine(); output.Write(v.Describe()); }
            return Cli.Ok;
        });
        return command;
    }
}
