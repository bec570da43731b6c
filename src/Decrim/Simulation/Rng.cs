using System.Runtime.CompilerServices;

namespace Decrim.Simulation;

/// <summary>
/// A counter-based random stream (SplitMix64): every draw is a hash of (seed, replication, person, encounter,
/// position), so results do not depend on which thread simulates whom or in what order, and the baseline and
/// each reform see the same population, the same contacts and the same first draws of every encounter (common
/// random numbers: differences between policies are not noise between draws).
/// </summary>
internal struct Rng
{
    private const ulong Golden = 0x9E37_79B9_7F4A_7C15;
    private ulong _state;

    private Rng(ulong state) => _state = state;

    /// <summary>The stream of one person in one replication.</summary>
    public static Rng ForPerson(ulong seed, int replication, int person) =>
        new(Mix(Mix(seed ^ 0x5DEE_CE66_DUL) + Mix((ulong)replication * 0xD6E8_FEB8_6659_FD93UL + (ulong)person + 1)));

    /// <summary>An independent stream derived from this one's starting point and <paramref name="index"/> (an encounter, or a named purpose).</summary>
    public readonly Rng Derive(ulong index) => new(Mix(_state ^ Mix(index * Golden + 0x2545_F491_4F6C_DD1DUL)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>Uniform on [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Exponential with mean 1.</summary>
    public double Exponential() => -Math.Log(1 - Uniform());

    /// <summary>Standard normal, by inverting its distribution function at one uniform draw.</summary>
    public double Normal() => InverseNormal(Math.Max(Uniform(), 1e-300));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9).</summary>
    internal static double InverseNormal(double p)
    {
        const double pLow = 0.02425, pHigh = 1 - pLow;
        if (p < pLow)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
        }
        if (p > pHigh)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
        }
        var r = p - 0.5;
        var s = r * r;
        return (((((-3.969683028665376e+01 * s + 2.209460984245205e+02) * s - 2.759285104469687e+02) * s + 1.383577518672690e+02) * s - 3.066479806614716e+01) * s + 2.506628277459239e+00) * r
            / (((((-5.447609879822406e+01 * s + 1.615858368580409e+02) * s - 1.556989798598866e+02) * s + 6.680131188771972e+01) * s - 1.328068155288572e+01) * s + 1);
    }
}
