using System.Numerics.Tensors;

namespace BatchTutorial;

/// <summary>
/// Logistic regression for two classes: p = σ(z) with z = x·W + b.
/// </summary>
public sealed class LogisticRegression
{
    /// <summary>Creates a model with d weights, all 0, and bias 0.</summary>
    public LogisticRegression(int features)
    {
        Guard.Positive(features, nameof(features));
        Weights = new double[features];
    }

    /// <summary>Creates a model from given weights (copied) and bias.</summary>
    /// <exception cref="ArgumentException">A weight or the bias is NaN or infinite, or there are no weights.</exception>
    public LogisticRegression(ReadOnlySpan<double> weights, double bias)
    {
        Guard.NotEmpty(weights.Length, nameof(weights));
        Guard.AllFinite(weights, nameof(weights));
        Guard.Finite(bias, nameof(bias));
        Weights = weights.ToArray();
        Bias = bias;
    }

    /// <summary>W, one weight per feature (d values). Training updates it in place.</summary>
    public double[] Weights { get; }

    /// <summary>b, the bias.</summary>
    public double Bias { get; set; }

    /// <summary>d, the number of features the model expects.</summary>
    public int Features => Weights.Length;

    /// <summary>Returns a copy with its own weight array.</summary>
    public LogisticRegression Clone() => new(Weights, Bias);

    /// <summary>Returns z = x·W + b for one row.</summary>
    public double Logit(ReadOnlySpan<double> x) => TensorPrimitives.Dot(x, Weights) + Bias;

    /// <summary>Returns p = σ(x·W + b), the predicted probability of class 1.</summary>
    public double PredictProbability(ReadOnlySpan<double> x) => Sigmoid.Compute(Logit(x));

    /// <summary>Returns the mean log loss over every row of <paramref name="data"/>.</summary>
    public double Loss(Dataset data)
    {
        CheckFeatures(data);
        double sum = 0;
        for (int i = 0; i < data.Rows; i++)
        {
            sum += LogLoss.FromLogit(Logit(data.Row(i)), data.Y[i]);
        }

        return sum / data.Rows;
    }

    /// <summary>Returns the share of rows whose predicted class (p ≥ 0.5, that is z ≥ 0) equals the label.</summary>
    public double Accuracy(Dataset data)
    {
        CheckFeatures(data);
        int correct = 0;
        for (int i = 0; i < data.Rows; i++)
        {
            double predicted = Logit(data.Row(i)) >= 0 ? 1.0 : 0.0;
            if (predicted == data.Y[i])
            {
                correct++;
            }
        }

        return (double)correct / data.Rows;
    }

    /// <summary>
    /// Computes the gradient of the mean log loss over the batch rows <paramref name="rows"/> and returns the batch loss.
    /// </summary>
    /// <remarks>
    /// z = X_b·W + b, p = σ(z), e = p − y_b, dW = X_bᵀ·e / m, db = mean(e), where m is the number of rows actually in the
    /// batch (the last batch of an epoch may be shorter than the batch size, and is averaged over its own rows).
    /// </remarks>
    /// <param name="data">The training data; not changed.</param>
    /// <param name="rows">Row indices of the batch (m ≥ 1 values).</param>
    /// <param name="dW">Receives the weight gradient (d values).</param>
    /// <param name="db">Receives the bias gradient.</param>
    /// <returns>The mean log loss of the batch before the update.</returns>
    public double Gradient(Dataset data, ReadOnlySpan<int> rows, Span<double> dW, out double db)
    {
        CheckFeatures(data);
        Guard.NotEmpty(rows.Length, nameof(rows));
        Guard.Length(dW.Length, Features, nameof(dW));
        dW.Clear();
        double sumE = 0;
        double sumLoss = 0;
        foreach (int i in rows)
        {
            ReadOnlySpan<double> x = data.Row(i);
            double z = Logit(x);
            double e = Sigmoid.Compute(z) - data.Y[i];
            TensorPrimitives.MultiplyAdd(x, e, dW, dW);
            sumE += e;
            sumLoss += LogLoss.FromLogit(z, data.Y[i]);
        }

        int m = rows.Length;
        TensorPrimitives.Divide(dW, m, dW);
        db = sumE / m;
        return sumLoss / m;
    }

    private void CheckFeatures(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.Length(data.Columns, Features, nameof(data) + "." + nameof(Dataset.Columns));
    }
}
