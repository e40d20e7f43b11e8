using MathNet.Numerics.LinearAlgebra;

namespace BatchTutorial;

/// <summary>
/// The teaching form of one epoch: MathNet matrix and vector operations that mirror the numpy tutorial loop line by
/// line. It allocates per batch and is slow; the trainer uses the fused fast path, and a test checks that the two agree.
/// </summary>
public static class Textbook
{
    /// <summary>Returns X as an n × d MathNet matrix (a copy; MathNet stores column-major).</summary>
    public static Matrix<double> ToMatrix(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int d = data.Columns;
        double[] x = data.XMemory.ToArray();
        return Matrix<double>.Build.Dense(data.Rows, d, (i, j) => x[i * d + j]);
    }

    /// <summary>Returns y as a MathNet vector (a copy).</summary>
    public static Vector<double> LabelVector(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Vector<double>.Build.DenseOfArray(data.YMemory.ToArray());
    }

    /// <summary>Returns a data set from an n × d matrix and n labels (copies them, row-major).</summary>
    public static Dataset FromMatrix(Matrix<double> x, Vector<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var values = new double[x.RowCount * x.ColumnCount];
        for (int i = 0; i < x.RowCount; i++)
        {
            for (int j = 0; j < x.ColumnCount; j++)
            {
                values[i * x.ColumnCount + j] = x[i, j];
            }
        }

        return new Dataset(values, y.ToArray(), x.ColumnCount);
    }

    /// <summary>
    /// Runs one sequential epoch: for i = 0, B, 2B, …: batch = X[i:i+B], z = batch·W + b, p = σ(z), e = p − y,
    /// dW = batchᵀ·e / m, db = mean(e), W ← W − lr·dW, b ← b − lr·db. Returns the new W and b.
    /// </summary>
    /// <param name="x">Features, n × d.</param>
    /// <param name="y">Labels, n values.</param>
    /// <param name="w">Starting weights (not changed).</param>
    /// <param name="b">Starting bias.</param>
    /// <param name="learningRate">lr, a finite number above 0.</param>
    /// <param name="batchSize">B, at least 1.</param>
    /// <param name="divideByBatchSize">
    /// Divide dW by the nominal B as the numpy tutorial does, instead of by m, the rows actually in the batch. The two
    /// agree when B divides n; otherwise the last batch's step is too small by the factor m / B.
    /// </param>
    /// <param name="onBatch">Called after each update with the batch number from 1, or null.</param>
    public static (Vector<double> W, double B) Epoch(
        Matrix<double> x,
        Vector<double> y,
        Vector<double> w,
        double b,
        double learningRate,
        int batchSize,
        bool divideByBatchSize = false,
        Action<int>? onBatch = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(w);
        Guard.SameLength(x.RowCount, nameof(x), y.Count, nameof(y));
        Guard.Length(w.Count, x.ColumnCount, nameof(w));
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        Guard.Positive(batchSize, nameof(batchSize));

        for (int i = 0; i < x.RowCount; i += batchSize)
        {
            int m = Math.Min(batchSize, x.RowCount - i);
            Matrix<double> batchX = x.SubMatrix(i, m, 0, x.ColumnCount);
            Vector<double> batchY = y.SubVector(i, m);

            Vector<double> z = batchX * w + b;
            Vector<double> pred = z.Map(Sigmoid.Compute);

            Vector<double> error = pred - batchY;
            Vector<double> dW = batchX.TransposeThisAndMultiply(error) / (divideByBatchSize ? batchSize : m);
            double db = error.Average();

            w = w - learningRate * dW;
            b -= learningRate * db;

            onBatch?.Invoke(i / batchSize + 1);
        }

        return (w, b);
    }
}
