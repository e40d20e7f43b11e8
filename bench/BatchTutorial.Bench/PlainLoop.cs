namespace BatchTutorial.Bench;

/// <summary>
/// The plain-loop peer: what a C# programmer writes first. Scalar loops over a flat row-major double[]; per batch a
/// forward pass (z, σ, e for every row), then a backward pass (the gradient), then the update.
/// </summary>
public static class PlainLoop
{
    /// <summary>Runs one sequential epoch of batches of <paramref name="batchSize"/> rows, updating w and b in place.</summary>
    public static void Epoch(double[] x, double[] y, int columns, int batchSize, double learningRate, double[] w, ref double b, double[] errors, double[] gradient)
    {
        int rows = y.Length;
        for (int start = 0; start < rows; start += batchSize)
        {
            int m = Math.Min(batchSize, rows - start);

            for (int r = 0; r < m; r++)
            {
                int offset = (start + r) * columns;
                double z = b;
                for (int j = 0; j < columns; j++)
                {
                    z += x[offset + j] * w[j];
                }

                errors[r] = 1.0 / (1.0 + Math.Exp(-z)) - y[start + r];
            }

            Array.Clear(gradient);
            double errorSum = 0;
            for (int r = 0; r < m; r++)
            {
                int offset = (start + r) * columns;
                double e = errors[r];
                errorSum += e;
                for (int j = 0; j < columns; j++)
                {
                    gradient[j] += x[offset + j] * e;
                }
            }

            for (int j = 0; j < columns; j++)
            {
                w[j] -= learningRate * gradient[j] / m;
            }

            b -= learningRate * errorSum / m;
        }
    }
}
