namespace BatchTutorial;

/// <summary>
/// Binary cross-entropy (log loss) computed from the logit z = x·w + b, never from a rounded p = σ(z).
/// </summary>
/// <remarks>
/// −[y·log σ(z) + (1 − y)·log(1 − σ(z))] equals y·softplus(−z) + (1 − y)·softplus(z), with softplus(z) = max(z, 0) + log(1 + e^(−|z|)).
/// That form stays finite and accurate where σ(z) would round to 0 or 1 (for example z = ±800).
/// </remarks>
public static class LogLoss
{
    /// <summary>Returns the loss of one sample with logit <paramref name="z"/> and label <paramref name="y"/> (0 or 1).</summary>
    public static double FromLogit(double z, double y)
    {
        // softplus(z) − y·z rewritten with softplus(z) − z = softplus(−z): both terms are non-negative, so a
        // well-classified sample keeps its tiny loss (e.g. 4.2e-18 at z = 40, y = 1) instead of cancelling to 0.
        return y * Softplus(-z) + (1.0 - y) * Softplus(z);
    }

    /// <summary>Returns the mean loss over a batch: (1/m)·Σ FromLogit(z[i], y[i]), m = the number of rows.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Mean(ReadOnlySpan<double> z, ReadOnlySpan<double> y)
    {
        Guard.SameLength(z.Length, nameof(z), y.Length, nameof(y));
        Guard.NotEmpty(z.Length, nameof(z));
        double sum = 0;
        for (int i = 0; i < z.Length; i++)
        {
            sum += FromLogit(z[i], y[i]);
        }

        return sum / z.Length;
    }

    /// <summary>Returns log(1 + e^z) without overflow for any finite z.</summary>
    public static double Softplus(double z) => Math.Max(z, 0.0) + Log1P(Math.Exp(-Math.Abs(z)));

    /// <summary>Returns log(1 + x) accurately for small x: log(u)·x / (u − 1) with u = 1 + x cancels the rounding of u.</summary>
    internal static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1.0);
    }
}
