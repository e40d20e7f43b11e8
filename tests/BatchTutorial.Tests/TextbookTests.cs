using MathNet.Numerics.LinearAlgebra;

namespace BatchTutorial.Tests;

public class TextbookTests
{
    // The fixed data of Reference/article_loop.py: X[i, j] = 2·sin(1 + 10i + j), y[i] = 1 if 7i mod 3 = 0,
    // W0[j] = 0.5·cos(1 + j), b0 = 0.1, N = 23, D = 4, lr = 0.5.
    private static Dataset ReferenceData()
    {
        var x = new double[23 * 4];
        var y = new double[23];
        for (int i = 0; i < 23; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                x[i * 4 + j] = 2.0 * Math.Sin(1.0 + 10.0 * i + j);
            }

            y[i] = 7 * i % 3 == 0 ? 1 : 0;
        }

        return new Dataset(x, y, 4);
    }

    private static LogisticRegression ReferenceStart() =>
        new(Enumerable.Range(0, 4).Select(j => 0.5 * Math.Cos(1.0 + j)).ToArray(), 0.1);

    // Expected values: output of `/usr/bin/python3 tests/BatchTutorial.Tests/Reference/article_loop.py`
    // (numpy 1.24.2, Debian 12), lines "per_rows B=…".
    public static TheoryData<int, double[], double> NumpyPerRows => new()
    {
        { 1, [-0.9028320258204592, -0.9387650307243025, -0.11160179571697154, 0.8181676155944917], -1.5354249416582366 },
        { 5, [-0.30725138151469045, -0.39242632371228536, -0.11680631365551908, 0.26620488249621665], -0.26392653831189733 },
        { 7, [-0.37063566125312297, -0.44711545392846436, -0.11251936024053544, 0.3255265143429258], -0.12178071038621018 },
        { 23, [0.08302494740876479, -0.18849391375472455, -0.2867123398963406, -0.12132876297896095], 0.012618429295898057 },
    };

    [Theory]
    [MemberData(nameof(NumpyPerRows))]
    public void Trainer_matches_numpy_loop(int batchSize, double[] expectedW, double expectedB)
    {
        var options = new TrainerOptions { BatchSize = batchSize, Epochs = 1, LearningRate = 0.5 };

        TrainingHistory history = Trainer.Train(ReferenceData(), options, initial: ReferenceStart());

        AssertClose(expectedW, expectedB, history.Model.Weights, history.Model.Bias);
    }

    [Theory]
    [MemberData(nameof(NumpyPerRows))]
    public void Textbook_matches_numpy_loop(int batchSize, double[] expectedW, double expectedB)
    {
        Dataset data = ReferenceData();
        LogisticRegression start = ReferenceStart();

        (Vector<double> w, double b) = Textbook.Epoch(Textbook.ToMatrix(data), Textbook.LabelVector(data), Vector<double>.Build.DenseOfArray(start.Weights), start.Bias, 0.5, batchSize);

        AssertClose(expectedW, expectedB, w.ToArray(), b);
    }

    [Fact]
    public void Textbook_divide_by_batch_size_matches_the_tutorial()
    {
        // Expected: the "tutorial B=5" line of Reference/article_loop.py. 23 is not a multiple of 5, so dividing the
        // last batch (3 rows) by 5 gives other weights than dividing by its own 3 rows.
        Dataset data = ReferenceData();
        LogisticRegression start = ReferenceStart();

        (Vector<double> w, double b) = Textbook.Epoch(Textbook.ToMatrix(data), Textbook.LabelVector(data), Vector<double>.Build.DenseOfArray(start.Weights), start.Bias, 0.5, 5, divideByBatchSize: true);

        AssertClose([-0.22749546612437851, -0.20619414796545424, 0.0046811189198759096, 0.21125258665835772], -0.26392653831189733, w.ToArray(), b);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(32)]
    [InlineData(500)]
    public void Fast_and_textbook_forms_agree(int batchSize)
    {
        Dataset data = Datasets.Dummy(500, 10, seed: 21);
        var start = new LogisticRegression(Enumerable.Range(0, 10).Select(j => 0.1 * (j - 5)).ToArray(), -0.3);

        TrainingHistory fast = Trainer.Train(data, new TrainerOptions { BatchSize = batchSize, Epochs = 1, LearningRate = 0.05 }, initial: start);
        (Vector<double> w, double b) = Textbook.Epoch(Textbook.ToMatrix(data), Textbook.LabelVector(data), Vector<double>.Build.DenseOfArray(start.Weights), start.Bias, 0.05, batchSize);

        for (int j = 0; j < 10; j++)
        {
            Assert.True(Math.Abs(w[j] - fast.Model.Weights[j]) <= 1e-12 * Math.Max(Math.Abs(w[j]), 1), $"W[{j}]: {w[j]} vs {fast.Model.Weights[j]}");
        }

        Assert.True(Math.Abs(b - fast.Model.Bias) <= 1e-12 * Math.Max(Math.Abs(b), 1), $"b: {b} vs {fast.Model.Bias}");
    }

    [Fact]
    public void Textbook_reports_each_batch()
    {
        Dataset data = Datasets.Dummy(100, 10, seed: 0);
        var seen = new List<int>();

        Textbook.Epoch(Textbook.ToMatrix(data), Textbook.LabelVector(data), Vector<double>.Build.Dense(10), 0, 0.01, 20, onBatch: seen.Add);

        Assert.Equal([1, 2, 3, 4, 5], seen);
    }

    [Fact]
    public void Matrix_conversion_round_trips()
    {
        Dataset data = Datasets.Dummy(6, 3, seed: 2);

        Matrix<double> x = Textbook.ToMatrix(data);
        Dataset back = Textbook.FromMatrix(x, Textbook.LabelVector(data));

        Assert.Equal(data.Row(4)[2], x[4, 2]);
        Assert.Equal(data.X.ToArray(), back.X.ToArray());
        Assert.Equal(data.Y.ToArray(), back.Y.ToArray());
    }

    private static void AssertClose(double[] expectedW, double expectedB, double[] w, double b)
    {
        Assert.Equal(expectedW.Length, w.Length);
        for (int j = 0; j < w.Length; j++)
        {
            Assert.Equal(expectedW[j], w[j], 1e-12);
        }

        Assert.Equal(expectedB, b, 1e-12);
    }
}
