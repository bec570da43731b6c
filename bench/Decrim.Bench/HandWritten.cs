using Decrim.Batch;
using Decrim.Substances;

namespace Decrim.Bench;

/// <summary>
/// Norway 2023 and Czech 2015 possession rules written by hand over the same columns: the practical limit a
/// compiled evaluator can approach. It knows one version of each, possession only, and its own substances; it
/// looks up nothing and explains nothing.
/// </summary>
internal static class HandWritten
{
    public static readonly string[] NorwayRules = ["use-possession", "dependent-own-use", "dependent-modest-excess", "youth-advisory-unit", "consumption-site"];
    public static readonly string[] CzechRules = ["possession", "cannabis-greater-than-small", "greater-than-small"];

    private const long M = EncounterFlags.AmountScale;
    private static readonly int Heroin = Index("heroin"), Cocaine = Index("cocaine"), Amphetamine = Index("amphetamine"), Methamphetamine = Index("methamphetamine");
    private static readonly int Herb = Index("cannabis-herb"), Resin = Index("cannabis-resin"), Mdma = Index("mdma"), Lsd = Index("lsd");
    private static readonly int ConsumptionSite = 7; // bit position of Place.ConsumptionSite

    private static readonly long[] NorwayWithin = Table(-1, (Heroin, 5 * M), (Cocaine, 5 * M), (Amphetamine, 5 * M), (Methamphetamine, 5 * M), (Herb, 15 * M), (Resin, 15 * M), (Mdma, 1 * M), (Lsd, 3 * M));
    private static readonly long[] NorwayModest = Table(-1, (Heroin, 10 * M), (Cocaine, 10 * M), (Amphetamine, 10 * M), (Methamphetamine, 10 * M));
    private static readonly long[] CzechSmall = Table(long.MaxValue, (Heroin, 3 * M / 2), (Methamphetamine, 3 * M / 2), (Cocaine, 1 * M), (Amphetamine, 2 * M), (Mdma, 4 * M / 10), (Lsd, 5 * M), (Herb, 10 * M), (Resin, 5 * M));

    public static void Norway(scoped in EncounterColumns rows, Span<byte> output)
    {
        var subs = rows.Substances; var amounts = rows.Amounts; var ages = rows.Ages; var priors = rows.Priors; var flags = rows.Flags;
        for (var i = 0; i < output.Length; i++)
        {
            var s = subs[i];
            var a = amounts[i];
            var dependence = (flags[i] >> 3) & 3;
            var dependent = dependence != 2; // unknown counts as dependent: benefit of the doubt
            byte rule;
            if (dependent && a <= NorwayWithin[s]) rule = 1;
            else if (dependent && a <= NorwayModest[s]) rule = 2;
            else if (ages[i] is >= 15 and <= 17 && priors[i] == 0) rule = 3;
            else if (((flags[i] >> 5) & 15) == ConsumptionSite) rule = 4;
            else rule = 0;
            output[i] = rule;
        }
    }

    public static void Czech(scoped in EncounterColumns rows, Span<byte> output)
    {
        var subs = rows.Substances; var amounts = rows.Amounts;
        for (var i = 0; i < output.Length; i++)
        {
            var s = subs[i];
            var above = amounts[i] > CzechSmall[s];
            output[i] = above ? (s == Herb || s == Resin ? (byte)1 : (byte)2) : (byte)0;
        }
    }

    private static int Index(string id) => SubstanceVocabulary.Shared.IndexOf(id);

    /// <summary>A limit per substance, <paramref name="missing"/> where the rules set none.</summary>
    private static long[] Table(long missing, params (int Substance, long Limit)[] limits)
    {
        var table = new long[SubstanceVocabulary.Shared.All.Count];
        Array.Fill(table, missing);
        foreach (var (s, l) in limits) table[s] = l;
        return table;
    }
}
