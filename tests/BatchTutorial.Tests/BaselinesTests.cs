namespace BatchTutorial.Tests;

public class BaselinesTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(10, 1)]
    [InlineData(10, 7)]
    [InlineData(10, 32)]
    [InlineData(30, 64)]
    [InlineData(100, 500)]
    [InlineData(100, 1000)]
    public void Per_sample_loop_matches_trainer(int d, int batchSize)
    {
        Dataset data = Datasets.Synthetic(1000, d, seed: d);
        var start = new LogisticRegression(Enumerable.Range(0, d).Select(j => 0.05 * (j % 5 - 2)).ToArray(), -0.1);
        LogisticRegression loop = start.Clone();

        Baselines.PerSampleLoopEpoch(data, loop, batchSize, 0.1);
        TrainingHistory trained = Trainer.Train(data, new TrainerOptions { BatchSize = batchSize, Epochs = 1, LearningRate = 0.1, RecordUpdates = false }, initial: start);

        for (int j = 0; j < d; j++)
        {
            double expected = trained.Model.Weights[j];
            Assert.True(Math.Abs(expected - loop.Weights[j]) <= 1e-12 * Math.Max(Math.Abs(expected), 1), $"W[{j}]: trainer {expected}, loop {loop.Weights[j]}");
        }

        Assert.True(Math.Abs(trained.Model.Bias - loop.Bias) <= 1e-12 * Math.Max(Math.Abs(trained.Model.Bias), 1), $"b: trainer {trained.Model.Bias}, loop {loop.Bias}");
    }

    [Fact]
    public void Per_sample_loop_rejects_wrong_model_width()
    {
        var error = Assert.Throws<ArgumentException>(() => Baselines.PerSampleLoopEpoch(Datasets.Synthetic(10, 3, seed: 1), new LogisticRegression(2), 4, 0.1));

        Assert.Equal("model.Weights", error.ParamName);
    }

    [Fact]
    public void Per_sample_loop_rejects_zero_batch_size()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.PerSampleLoopEpoch(Datasets.Synthetic(10, 3, seed: 1), new LogisticRegression(3), 0, 0.1));

        Assert.Equal("batchSize", error.ParamName);
    }
}
