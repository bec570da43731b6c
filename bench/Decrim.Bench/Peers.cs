using System.Diagnostics;
using System.Globalization;
using Decrim.Batch;

namespace Decrim.Bench;

/// <summary>
/// The C# half of <c>bench/peers/run</c>: Decrim's compiled evaluator and the hand-written loop on the shared
/// file, single-threaded, timed over the evaluation only (the file is read first, as the JavaScript peers do),
/// best of several passes. Writes each one's decisions, one rule id per line in file order, for the agreement check.
/// </summary>
internal static class Peers
{
    public static void Run(string input, string outDir, int passes)
    {
        var tables = PeerFile.Read(input);
        var total = tables.Values.Sum(t => t.Table.Count);
        var catalogue = new Catalogue(Catalogue.DefaultFolder());
        var compiled = tables.Keys.ToDictionary(k => k, k => CompiledPolicy.Compile(catalogue.Get(k)));
        var codes = tables.ToDictionary(t => t.Key, t => new PathwayCode[t.Value.Table.Count]);
        var loop = tables.ToDictionary(t => t.Key, t => new byte[t.Value.Table.Count]);

        var decrim = Best(passes, () =>
        {
            foreach (var (code, (table, _)) in tables) compiled[code].Evaluate(table.Columns, codes[code]);
        });
        var hand = Best(passes, () =>
        {
            foreach (var (code, (table, _)) in tables)
            {
                if (code == "NO") HandWritten.Norway(table.Columns, loop[code]);
                else HandWritten.Czech(table.Columns, loop[code]);
            }
        });
        var decrim2 = Best(passes, () =>
        {
            foreach (var (code, (table, _)) in tables) compiled[code].EvaluateParallel(table, codes[code], Environment.ProcessorCount);
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decrim {total / decrim.TotalSeconds:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loop {total / hand.TotalSeconds:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decrim-{Environment.ProcessorCount}-threads {total / decrim2.TotalSeconds:0}"));
        var decrimOut = new string[total];
        var loopOut = new string[total];
        foreach (var (code, (_, rows)) in tables)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                decrimOut[rows[i]] = compiled[code].RuleOf(codes[code][i]).Id;
                loopOut[rows[i]] = (code == "NO" ? HandWritten.NorwayRules : HandWritten.CzechRules)[loop[code][i]];
            }
        }
        Directory.CreateDirectory(outDir);
        File.WriteAllLines(Path.Combine(outDir, "decrim.txt"), decrimOut);
        File.WriteAllLines(Path.Combine(outDir, "loop.txt"), loopOut);
    }

    private static TimeSpan Best(int passes, Action action)
    {
        action(); // warm-up: tiered compilation reaches its optimised code
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < passes; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        return best;
    }
}
