using System.Numerics.Tensors;

namespace BatchTutorial;

/// <summary>The gradient-descent update W ← W − lr·dW, b ← b − lr·db.</summary>
public static class GradientDescent
{
    /// <summary>Applies one update to the model in place.</summary>
    /// <exception cref="ArgumentException">dW has the wrong length, or a value is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not a finite number above 0.</exception>
    public static void Step(LogisticRegression model, ReadOnlySpan<double> dW, double db, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.Length(dW.Length, model.Features, nameof(dW));
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        TensorPrimitives.MultiplyAdd(dW, -learningRate, model.Weights, model.Weights);
        model.Bias -= learningRate * db;
    }
}
