using System.Globalization;

namespace BatchTutorial.Tests;

[Collection(CultureCollection.Name)]
public class TrainingSessionTests
{
    [Fact]
    public void Session_epochs_match_train()
    {
        Dataset data = Datasets.Dummy(300, 6, seed: 40);
        var options = new TrainerOptions { BatchSize = 16, Epochs = 3, Shuffle = true, Seed = 9 };

        TrainingSession session = Trainer.Start(data, options);
        for (int e = 0; e < 3; e++)
        {
            session.RunEpoch();
        }

        TrainingHistory viaSession = session.ToHistory();
        TrainingHistory viaTrain = Trainer.Train(data, options);

        Assert.Equal(viaTrain.Model.Weights, viaSession.Model.Weights);
        Assert.Equal(viaTrain.Model.Bias, viaSession.Model.Bias);
        Assert.Equal(viaTrain.Updates, viaSession.Updates);
        Assert.Equal(viaTrain.Epochs.Select(r => r.TrainLoss), viaSession.Epochs.Select(r => r.TrainLoss));
    }

    [Fact]
    public void History_midway_has_epochs_so_far()
    {
        Dataset data = Datasets.Dummy(100, 3, seed: 41);
        var options = new TrainerOptions { BatchSize = 10, Epochs = 3, RecordTrajectory = true };
        TrainingSession session = Trainer.Start(data, options);

        EpochRecord first = session.RunEpoch();
        TrainingHistory history = session.ToHistory();

        Assert.Equal(1, session.EpochsCompleted);
        Assert.Equal(1, first.Epoch);
        Assert.Single(history.Epochs);
        Assert.Equal(10, history.Updates.Count);
        Assert.Equal(11, history.Trajectory.Count);
        Assert.Equal(session.Model.Weights, history.Trajectory[^1].Weights);
    }

    [Theory]
    [InlineData("en", "All 2 epochs")]
    [InlineData("ja", "2 エポック")]
    public void Extra_epoch_is_rejected(string culture, string expected)
    {
        TrainingSession session = Trainer.Start(Datasets.Dummy(20, 2, seed: 42), new TrainerOptions { Epochs = 2 });
        session.RunEpoch();
        session.RunEpoch();
        CultureInfo saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => session.RunEpoch());

            Assert.Contains(expected, error.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
