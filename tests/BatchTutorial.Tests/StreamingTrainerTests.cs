using System.Globalization;

namespace BatchTutorial.Tests;

[Collection(CultureCollection.Name)]
public sealed class StreamingTrainerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"batchtutorial-streaming-{Guid.NewGuid():N}");

    public StreamingTrainerTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // 10,000 rows: more than one block of StreamingTrainer.BlockRows, so blocks and their boundaries are exercised.
    [Theory]
    [InlineData(".csv", 1)]
    [InlineData(".csv", 3)]
    [InlineData(".csv", 32)]
    [InlineData(".csv", 5000)]
    [InlineData(".rows", 1)]
    [InlineData(".rows", 32)]
    [InlineData(".rows", 10000)]
    public void File_training_matches_in_memory_training(string extension, int batchSize)
    {
        string path = Write(extension, rows: 10_000, columns: 5, seed: 1);
        Dataset data = Datasets.Synthetic(10_000, 5, seed: 1);
        var options = new TrainerOptions { BatchSize = batchSize, Epochs = 2, LearningRate = 0.05 };

        TrainingHistory streamed = Trainer.TrainFromFile(path, 5, options);
        TrainingHistory inMemory = Trainer.Train(data, options);

        // B = 1 computes the first logit of each block directly instead of from the previous row, so it may differ
        // in the last bits; every other batch size runs the same arithmetic on the same values.
        double tolerance = batchSize == 1 ? 1e-12 : 0;
        for (int j = 0; j < 5; j++)
        {
            Assert.Equal(inMemory.Model.Weights[j], streamed.Model.Weights[j], tolerance);
        }

        Assert.Equal(inMemory.Model.Bias, streamed.Model.Bias, tolerance);
        Assert.Equal(10_000, streamed.SampleCount);
        Assert.Equal(inMemory.Updates.Select(u => (u.Epoch, u.Step, u.Update, u.BatchRows, u.SamplesSeen)), streamed.Updates.Select(u => (u.Epoch, u.Step, u.Update, u.BatchRows, u.SamplesSeen)));
        Assert.Equal(inMemory.Updates[^1].BatchLoss, streamed.Updates[^1].BatchLoss, 1e-12);
        Assert.Equal(inMemory.Epochs.Select(e => (e.Updates, e.SamplesSeen)), streamed.Epochs.Select(e => (e.Updates, e.SamplesSeen)));
        Assert.Equal(inMemory.Epochs[^1].TrainLoss, streamed.Epochs[^1].TrainLoss, 1e-12);
        Assert.Equal(inMemory.InitialTrainLoss, streamed.InitialTrainLoss, 1e-15);
    }

    [Fact]
    public void Callbacks_and_trajectory_match_in_memory_training()
    {
        string path = Write(".csv", rows: 500, columns: 3, seed: 2);
        Dataset data = Datasets.Synthetic(500, 3, seed: 2);
        var streamedSeen = new List<UpdateRecord>();
        var inMemorySeen = new List<UpdateRecord>();
        var options = new TrainerOptions { BatchSize = 7, Epochs = 2, RecordTrajectory = true, DropLast = true };

        TrainingHistory streamed = Trainer.TrainFromFile(path, 3, options with { OnUpdate = streamedSeen.Add });
        TrainingHistory inMemory = Trainer.Train(data, options with { OnUpdate = inMemorySeen.Add });

        Assert.Equal(inMemorySeen, streamedSeen);
        Assert.Equal(inMemory.Updates, streamed.Updates);
        Assert.Equal(inMemory.Trajectory.Count, streamed.Trajectory.Count);
        Assert.Equal(inMemory.Trajectory[^1].Weights, streamed.Trajectory[^1].Weights);
        Assert.Equal(inMemory.Trajectory[^1].Update, streamed.Trajectory[^1].Update);
    }

    [Fact]
    public void Bare_file_epochs_allocate_nothing()
    {
        string path = Write(".csv", rows: 20_000, columns: 4, seed: 3);
        var options = new TrainerOptions { BatchSize = 64, Epochs = 3, RecordUpdates = false, RecordEpochMetrics = false };

        TrainingHistory history = Trainer.TrainFromFile(path, 4, options);

        EpochAllocations.AssertNoneAfterFirst(history.Epochs);
    }

    [Fact]
    public void Evaluate_matches_in_memory_loss()
    {
        string path = Write(".rows", rows: 300, columns: 6, seed: 4);
        Dataset data = Datasets.Synthetic(300, 6, seed: 4);
        var model = new LogisticRegression([0.5, -0.2, 0.1, 0.3, -0.4, 0.2], 0.1);

        (double loss, double accuracy, long rows) = StreamingTrainer.Evaluate(path, 6, model);

        Assert.Equal(model.Loss(data), loss, 1e-12);
        Assert.Equal(model.Accuracy(data), accuracy);
        Assert.Equal(300, rows);
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".rows")]
    public void Read_all_loads_every_row(string extension)
    {
        string path = Write(extension, rows: 123, columns: 2, seed: 5);

        Dataset loaded = RowFile.ReadAll(path, 2);

        Dataset expected = Datasets.Synthetic(123, 2, seed: 5);
        Assert.Equal(expected.X.ToArray(), loaded.X.ToArray());
        Assert.Equal(expected.Y.ToArray(), loaded.Y.ToArray());
    }

    [Fact]
    public void Csv_accepts_crlf_and_blank_lines()
    {
        string path = Path.Combine(_folder, "crlf.csv");
        File.WriteAllText(path, "1,2,1\r\n\r\n3,4,0\r\n\n-1.5e0,2.5,1");

        Dataset loaded = RowFile.ReadAll(path, 2);

        Assert.Equal([1.0, 2, 3, 4, -1.5, 2.5], loaded.X.ToArray());
        Assert.Equal([1.0, 0, 1], loaded.Y.ToArray());
    }

    [Fact]
    public void Shuffle_is_rejected()
    {
        string path = Write(".csv", rows: 10, columns: 2, seed: 6);

        var error = Assert.Throws<ArgumentException>(() => Trainer.TrainFromFile(path, 2, new TrainerOptions { Shuffle = true }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Shuffle", error.Message);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        string path = Path.Combine(_folder, "missing.csv");

        var error = Assert.Throws<FileNotFoundException>(() => Trainer.TrainFromFile(path, 2, new TrainerOptions()));

        Assert.Contains("missing.csv", error.Message);
    }

    // Each bad file: its text, and what the English and Japanese messages must contain besides the file name.
    public static TheoryData<string, string, string, string> BadCsvFiles => new()
    {
        { "fields", "1,2,0\n1,2,0\n1,2\n", "line 3: expected 3 values but found 2", "3 行目" },
        { "extra", "1,2,0\n1,2,0,4\n", "line 2: expected 3 values but found 4", "2 行目" },
        { "number", "1,2,0\n1,abc,1\n", "line 2: \"abc\" is not a number", "\"abc\" は数値として読めません" },
        { "label", "1,2,0\n\n1,2,2\n", "line 3: the label \"2\" must be 0 or 1", "正解ラベル \"2\"" },
        { "nan", "1,NaN,0\n", "line 1: \"NaN\" is not a finite number", "\"NaN\" は有限の数ではありません" },
        { "empty", "\n\n", "contains no rows", "行がありません" },
    };

    [Theory]
    [MemberData(nameof(BadCsvFiles))]
    public void Bad_csv_names_file_line_and_problem(string name, string text, string english, string japanese)
    {
        string path = Path.Combine(_folder, name + ".csv");
        File.WriteAllText(path, text);

        InvalidDataException inEnglish = InCulture("en", () => Assert.Throws<InvalidDataException>(() => Trainer.TrainFromFile(path, 2, new TrainerOptions())));
        InvalidDataException inJapanese = InCulture("ja", () => Assert.Throws<InvalidDataException>(() => Trainer.TrainFromFile(path, 2, new TrainerOptions())));

        Assert.Contains(path, inEnglish.Message);
        Assert.Contains(english, inEnglish.Message);
        Assert.Contains(path, inJapanese.Message);
        Assert.Contains(japanese, inJapanese.Message);
    }

    [Fact]
    public void Bad_binary_header_is_reported()
    {
        string path = Path.Combine(_folder, "header.rows");
        File.WriteAllText(path, "1,2,0\n");

        var error = InCulture("en", () => Assert.Throws<InvalidDataException>(() => Trainer.TrainFromFile(path, 2, new TrainerOptions())));

        Assert.Contains(path, error.Message);
        Assert.Contains("BTROWS01", error.Message);
    }

    [Fact]
    public void Binary_column_mismatch_is_reported()
    {
        string path = Write(".rows", rows: 5, columns: 3, seed: 7);

        var error = InCulture("en", () => Assert.Throws<InvalidDataException>(() => Trainer.TrainFromFile(path, 2, new TrainerOptions())));

        Assert.Contains("rows of 3 features, but 2 were expected", error.Message);
    }

    [Fact]
    public void Truncated_binary_file_is_reported()
    {
        string path = Write(".rows", rows: 5, columns: 3, seed: 8);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length - 8);
        }

        var error = InCulture("ja", () => Assert.Throws<InvalidDataException>(() => Trainer.TrainFromFile(path, 3, new TrainerOptions())));

        Assert.Contains(path, error.Message);
        Assert.Contains("5 行目の途中で終わっています", error.Message);
    }

    [Fact]
    public void Binary_label_other_than_0_or_1_is_reported()
    {
        string path = Write(".rows", rows: 3, columns: 1, seed: 9);
        using (var file = new FileStream(path, FileMode.Open))
        {
            // Row 2's label: header, then row 1 (2 values), then row 2's feature.
            file.Position = BinaryRowReader.HeaderBytes + 3 * sizeof(double);
            file.Write(BitConverter.GetBytes(0.5));
        }

        var error = InCulture("en", () => Assert.Throws<InvalidDataException>(() => Trainer.TrainFromFile(path, 1, new TrainerOptions())));

        Assert.Contains("row 2: the label 0.5 must be 0 or 1", error.Message);
    }

    private string Write(string extension, int rows, int columns, long seed)
    {
        string path = Path.Combine(_folder, $"data-{rows}x{columns}-{seed}{extension}");
        var source = new SyntheticRows(columns, seed);
        if (extension == RowReader.BinaryExtension)
        {
            RowFile.WriteBinary(path, source, rows);
        }
        else
        {
            RowFile.WriteCsv(path, source, rows);
        }

        return path;
    }

    private static T InCulture<T>(string culture, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
