using System.Numerics.Tensors;

namespace BatchTutorial;

/// <summary>
/// The fused epoch written with <see cref="TensorPrimitives"/> on spans, one row at a time. It serves rows of fewer
/// than 4 features and machines without 256-bit vector hardware (TensorPrimitives then uses what the machine has).
/// </summary>
internal static class PortableKernel
{
    /// <summary>Runs batches exactly as <see cref="SmallBatchKernel.Run{TChunks, TOrder, TObserved}"/> does, with W as a plain span.</summary>
    public static void Run(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        ReadOnlySpan<int> order,
        int batchSize,
        int batchCount,
        int rows,
        Span<double> w,
        Span<double> gradient,
        ref double b,
        double learningRate,
        EpochKernel? observer)
    {
        int d = w.Length;
        bool wantLoss = observer is { WantsLoss: true };
        for (int k = 0; k < batchCount; k++)
        {
            int start = k * batchSize;
            int end = Math.Min(start + batchSize, rows);
            gradient.Clear();
            double gb = 0;
            double loss = 0;
            for (int p = start; p < end; p++)
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

            int m = end - start;
            double scale = learningRate / m;
            TensorPrimitives.MultiplyAdd(gradient, -scale, w, w);
            b -= scale * gb;
            observer?.AfterUpdate(k, start, m, loss / m, b);
        }
    }
}
