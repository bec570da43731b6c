using System.CommandLine;
using System.Diagnostics;
using Decrim.Batch;

namespace Decrim.Cli.Commands;

/// <summary>
/// <c>decrim evaluate-batch --input encounters.csv --output pathways.csv</c>: the compiled evaluator over a CSV
/// file, streaming. The output is written beside the target and moved into place only when every row has been
/// read, so a malformed row never leaves a half-written file or replaces an earlier result.
/// </summary>
internal static class EvaluateBatchCommand
{
    public static Command Create(Option<string?> catalogueOption)
    {
        var input = new Option<string>("--input", "-i") { Description = "CSV of encounters, one substance per row (columns: docs/batch-csv.md).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "CSV of pathways to write.", Required = true };
        var jurisdiction = new Option<string?>("--jurisdiction", "-j") { Description = "Jurisdiction for rows without a jurisdiction column." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress line." };
        var command = new Command("evaluate-batch", "Evaluate a CSV file of encounters with the compiled evaluator and write one pathway per row.")
        {
            input, output, jurisdiction, quiet,
        };
        command.SetAction(result =>
        {
            var inputPath = result.GetValue(input)!;
            var outputPath = result.GetValue(output)!;
            if (!File.Exists(inputPath)) throw new UsageException($"the input file {inputPath} does not exist.");
            var batch = new BatchCsv(Cli.Open(result, catalogueOption), result.GetValue(jurisdiction));
            var error = result.InvocationConfiguration.Error;
            var length = new FileInfo(inputPath).Length;
            var showProgress = !result.GetValue(quiet);
            var clock = Stopwatch.StartNew();
            var lastShown = TimeSpan.Zero;
            using var reader = new StreamReader(inputPath, System.Text.Encoding.UTF8, true, 1 << 20);
            var partial = outputPath + ".partial";
            long rows;
            try
            {
                using (var writer = new StreamWriter(partial, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 20 }))
                {
                    rows = batch.Run(reader, writer, total =>
                    {
                        // Long runs only: a line on standard error every half second, overwritten in place.
                        if (!showProgress || clock.Elapsed - lastShown < TimeSpan.FromSeconds(0.5)) return;
                        lastShown = clock.Elapsed;
                        var share = length == 0 ? 1 : (double)reader.BaseStream.Position / length;
                        error.Write($"\r{Bar(share)} {share,4:P0}  {total:N0} rows  {total / clock.Elapsed.TotalSeconds:N0} rows/s ");
                    });
                }
                File.Move(partial, outputPath, overwrite: true);
            }
            catch (BatchCsvException e)
            {
                File.Delete(partial);
                if (lastShown > TimeSpan.Zero) error.WriteLine();
                throw new UsageException($"{inputPath}, {e.Message}.");
            }
            if (lastShown > TimeSpan.Zero) error.WriteLine();
            result.InvocationConfiguration.Output.WriteLine($"{rows:N0} rows evaluated in {clock.Elapsed.TotalSeconds:0.0} s; pathways in {outputPath}");
            return Cli.Ok;
        });
        return command;
    }

    private static string Bar(double share)
    {
        var filled = (int)Math.Round(Math.Clamp(share, 0, 1) * 30);
        return "[" + new string('#', filled) + new string('.', 30 - filled) + "]";
    }
}
