namespace BatchTutorial.Tests;

public class GradientTests
{
    // X = [[1,2],[2,0],[0,1],[3,1],[1,1]], y = [1,0,1,0,1], batches of 2 in order: {0,1}, {2,3}, {4}.
    internal static Dataset Small() => Dataset.FromRows([[1, 2], [2, 0], [0, 1], [3, 1], [1, 1]], [1, 0, 1, 0, 1]);

    // Hand calculation at W = 0, b = 0: every p = 0.5, so e = 0.5 − y.
    // {0,1}: e = [−0.5, 0.5]; dW = ([1,2]·(−0.5) + [2,0]·0.5) / 2 = [0.25, −0.5]; db = 0.
    // {2,3}: e = [−0.5, 0.5]; dW = ([0,1]·(−0.5) + [3,1]·0.5) / 2 = [0.75, 0];    db = 0.
    // {4}:   e = [−0.5];      dW = [1,1]·(−0.5) / 1 = [−0.5, −0.5];                db = −0.5 (averaged over 1 row, not 2).
    [Theory]
    [InlineData(new[] { 0, 1 }, 0.25, -0.5, 0.0)]
    [InlineData(new[] { 2, 3 }, 0.75, 0.0, 0.0)]
    [InlineData(new[] { 4 }, -0.5, -0.5, -0.5)]
    public void Hand_computed_batch_gradients_at_zero(int[] rows, double dW0, double dW1, double expectedDb)
    {
        var model = new LogisticRegression(2);
        var dW = new double[2];

        double loss = model.Gradient(Small(), rows, dW, out double db);

        Assert.Equal(dW0, dW[0], 1e-15);
        Assert.Equal(dW1, dW[1], 1e-15);
        Assert.Equal(expectedDb, db, 1e-15);
        Assert.Equal(Math.Log(2), loss, 1e-15);
    }

    [Fact]
    public void Gradient_matches_central_finite_differences()
    {
        Dataset data = Datasets.Dummy(40, 5, seed: 3);
        var model = new LogisticRegression([0.3, -0.2, 0.5, 0.1, -0.4], 0.25);
        int[] rows = [3, 7, 8, 20, 21, 22, 39];
        var dW = new double[5];

        model.Gradient(data, rows, dW, out double db);

        const double h = 1e-6;
        for (int j = 0; j < 5; j++)
        {
            double numeric = CentralDifference(data, rows, model, h, weight: j);
            Assert.Equal(numeric, dW[j], 1e-8);
        }

        Assert.Equal(CentralDifference(data, rows, model, h, weight: -1), db, 1e-8);
    }

    [Fact]
    public void Gradient_rejects_weights_of_wrong_length()
    {
        var model = new LogisticRegression(3);

        var error = Assert.Throws<ArgumentException>(() => model.Gradient(Small(), [0], new double[3], out _));

        Assert.Equal("data.Columns", error.ParamName);
        Assert.Contains("2", error.Message);
        Assert.Contains("3", error.Message);
    }

    [Fact]
    public void Step_moves_against_the_gradient()
    {
        var model = new LogisticRegression([1.0, 2.0], 0.5);

        GradientDescent.Step(model, [0.25, -0.5], 0.1, learningRate: 0.1);

        Assert.Equal([0.975, 2.05], model.Weights, new ToleranceComparer(1e-15));
        Assert.Equal(0.49, model.Bias, 1e-15);
    }

    private static double CentralDifference(Dataset data, int[] rows, LogisticRegression model, double h, int weight)
    {
        double Loss(double delta)
        {
            LogisticRegression shifted = model.Clone();
            if (weight >= 0)
            {
                shifted.Weights[weight] += delta;
            }
            else
            {
                shifted.Bias += delta;
            }

            return shifted.Gradient(data, rows, new double[model.Features], out _);
        }

        return (Loss(h) - Loss(-h)) / (2 * h);
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
