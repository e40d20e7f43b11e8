using System.Numerics.Tensors;

namespace BatchTutorial;

/// <summary>
/// The trainer's fast path: one epoch of mini-batch gradient descent on row-major spans, with the forward and
/// backward passes fused per row so X is read once per epoch and nothing is allocated.
/// </summary>
/// <remarks>
/// Per batch of m rows: for each row, z = x·w + b, e = σ(z) − y, g += e·x, gb += e; then w −= (lr/m)·g and
/// b −= (lr/m)·gb. This is the same update as <see cref="LogisticRegression.Gradient"/> followed by
/// <see cref="GradientDescent.Step"/>, up to rounding (sums run in another order).
/// </remarks>
internal static class EpochKernel
{
    /// <summary>Runs one epoch over <paramref name="plan"/>'s batches in the row order <paramref name="order"/>.</summary>
    /// <param name="x">Features, n × d, row-major.</param>
    /// <param name="y">Labels, n values.</param>
    /// <param name="d">Features per row.</param>
    /// <param name="plan">The batches of the epoch.</param>
    /// <param name="order">The epoch's row order (n values), or empty for rows in order.</param>
    /// <param name="w">Weights, updated in place.</param>
    /// <param name="b">Bias, updated in place.</param>
    /// <param name="learningRate">lr of the update.</param>
    /// <param name="gradient">Scratch space of d values.</param>
    /// <param name="batchLoss">Receives each batch's mean log loss before its update, or empty to skip the loss.</param>
    /// <param name="onUpdate">Called after each update with the batch, its loss and the new bias (w is already updated), or null.</param>
    public static void Run(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        int d,
        BatchPlan plan,
        ReadOnlySpan<int> order,
        Span<double> w,
        ref double b,
        double learningRate,
        Span<double> gradient,
        Span<double> batchLoss,
        Action<Batch, double, double>? onUpdate)
    {
        int batches = plan.BatchesPerEpoch;
        bool wantLoss = !batchLoss.IsEmpty || onUpdate is not null;
        for (int k = 0; k < batches; k++)
        {
            Batch batch = plan.GetBatch(k);
            gradient.Clear();
            double gb = 0;
            double loss = 0;
            for (int p = batch.Start; p < batch.End; p++)
            {
                int i = order.IsEmpty ? p : order[p];
                ReadOnlySpan<double> row = x.Slice(i * d, d);
                double z = TensorPrimitives.Dot(row, w) + b;
                double e = Sigmoid.Compute(z) - y[i];
                TensorPrimitives.MultiplyAdd(row, e, gradient, gradient);
                gb += e;
                if (wantLoss)
                {
                    loss += LogLoss.FromLogit(z, y[i]);
                }
            }

            int m = batch.Count;
            double scale = learningRate / m;
            TensorPrimitives.MultiplyAdd(gradient, -scale, w, w);
            b -= scale * gb;
            if (!batchLoss.IsEmpty)
            {
                batchLoss[k] = loss / m;
            }

            onUpdate?.Invoke(batch, loss / m, b);
        }
    }
}
