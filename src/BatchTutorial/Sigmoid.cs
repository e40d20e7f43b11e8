namespace BatchTutorial;

/// <summary>
/// The sigmoid (logistic) function σ(z) = 1 / (1 + e^(−z)), evaluated so that no finite z overflows.
/// </summary>
/// <remarks>
/// For z ≥ 0 it computes 1 / (1 + e^(−z)); for z &lt; 0 it computes e^z / (1 + e^z). Both forms only ever take
/// e to a non-positive power, so e^x stays in (0, 1], σ(0) is exactly 0.5 and σ(−z) = 1 − σ(z) up to rounding.
/// </remarks>
public static class Sigmoid
{
    /// <summary>Returns σ(z) for one value; NaN in gives NaN out.</summary>
    public static double Compute(double z)
    {
        if (z >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-z));
        }

        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>Writes σ(z[i]) into p[i] for every i. <paramref name="p"/> may be the same span as <paramref name="z"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Compute(ReadOnlySpan<double> z, Span<double> p)
    {
        Guard.SameLength(z.Length, nameof(z), p.Length, nameof(p));
        for (int i = 0; i < z.Length; i++)
        {
            p[i] = Compute(z[i]);
        }
    }
}
