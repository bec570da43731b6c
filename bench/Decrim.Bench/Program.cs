using BenchmarkDotNet.Running;
using Decrim.Bench;

// decrim-bench generate <file> <rows> [seed]   the shared peer file
// decrim-bench peers <file> <out-dir> [passes]  Decrim and the hand-written loop on it
// decrim-bench simulate <scenario> <catalogue> [--quick]  the simulator: the 1,000,000-person run and its scaling
// decrim-bench monitoring [--reports 30000] [--submitters 64] [--rounds 5] [--aggregate 1000000] [--fill-batch 2000] [--runs 20] [--one NO] [--keep]
//                                               encounter reports on SQLite: durable ingestion against plain Dapper, and aggregates
// decrim-bench [BenchmarkDotNet arguments]      the benchmarks (e.g. --filter '*Batch*')
switch (args.FirstOrDefault())
{
    case "generate":
        PeerFile.Generate(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 42);
        break;
    case "peers":
        Peers.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5);
        break;
    case "simulate":
        SimulationRun.Run(args[1], args[2], args.Contains("--quick"));
        break;
    case "monitoring":
        MonitoringRun.Run(args[1..]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(PeerFile).Assembly).Run(args);
        break;
}
