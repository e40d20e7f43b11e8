namespace BatchTutorial;

/// <summary>
/// Reference forms of the epoch that the trainer's fast path is measured against, compiled like the rest of the
/// library so that a timing compares algorithms, not a compiled loop with an interpreted one.
/// </summary>
public static class Baselines
{
    /// <summary>
    /// Runs one sequential epoch on <paramref name="model"/> one sample at a time, with plain scalar loops and no
    /// vector instructions: per sample z = x·W + b, e = σ(z) − y and g += e·x; after each batch of m samples
    /// W −= (lr/m)·g and b −= (lr/m)·Σ e. The same update as <see cref="Trainer.Train"/> (rows in order), up to rounding.
    /// </summary>
    /// <param name="train">Training data (n × d); not changed.</param>
    /// <param name="model">The model to update in place; d weights.</param>
    /// <param name="batchSize">B, rows per update, at least 1; the last batch may be shorter and is averaged over its own rows.</param>
    /// <param name="learningRate">lr, a finite number above 0.</param>
    /// <exception cref="ArgumentException">The model's d differs from the data's, or an argument is out of range.</exception>
    public static void PerSampleLoopEpoch(Dataset train, LogisticRegression model, int batchSize, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(model);
        Guard.Length(model.Features, train.Columns, nameof(model) + "." + nameof(LogisticRegression.Weights));
        Guard.Positive(batchSize, nameof(batchSize));
        Guard.PositiveFinite(learningRate, nameof(learningRate));

        ReadOnlySpan<double> x = train.X;
        ReadOnlySpan<double> y = train.Y;
        double[] w = model.Weights;
        int n = train.Rows;
        int d = train.Columns;
        var g = new double[d];
        double b = model.Bias;

        for (int start = 0; start < n; start += batchSize)
        {
            int end = Math.Min(start + batchSize, n);
            Array.Clear(g);
            double gb = 0;
            for (int i = start; i < end; i++)
            {
                // Forward for one sample.
                int row = i * d;
                double z = b;
                for (int j = 0; j < d; j++)
                {
                    z += x[row + j] * w[j];
                }

                double e = Sigmoid.Compute(z) - y[i];

                // Its share of the batch gradient.
                for (int j = 0; j < d; j++)
                {
                    g[j] += e * x[row + j];
                }

                gb += e;
            }

            double scale = learningRate / (end - start);
            for (int j = 0; j < d; j++)
            {
                w[j] -= scale * g[j];
            }

            b -= scale * gb;
        }

        model.Bias = b;
    }
}
