namespace BatchTutorial.Tests;

public class DatasetsTests
{
    [Fact]
    public void Breast_cancer_has_the_documented_shape_and_classes()
    {
        // data/README.md: 569 rows, 30 features, 212 malignant (0) and 357 benign (1); first row's first value 17.99.
        Dataset data = Datasets.BreastCancer();

        Assert.Equal(569, data.Rows);
        Assert.Equal(30, data.Columns);
        Assert.Equal(357, data.Y.ToArray().Count(v => v == 1));
        Assert.Equal(17.99, data.Row(0)[0]);
        Assert.Equal(0.1189, data.Row(0)[29]);
    }

    [Fact]
    public void Digits_has_1797_images_of_64_pixels()
    {
        DigitsData digits = Datasets.Digits();

        Assert.Equal(1797, digits.Rows);
        Assert.Equal(1797 * 64, digits.Pixels.Length);
        Assert.Equal(0, digits.Digits[0]);
        Assert.All(digits.Pixels, p => Assert.InRange(p, 0, 16));
        Assert.Equal(Enumerable.Range(0, 10), digits.Digits.Distinct().Order());
        Assert.Equal(digits.Digits.Count(d => d == 3), digits.OneVersusRest(3).Y.ToArray().Count(v => v == 1));
    }

    [Fact]
    public void Loader_reports_line_of_a_bad_value()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "2,2,a,b\n1,2,0\n1,x,1\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => Datasets.LoadBreastCancer(path));

            Assert.Contains("line 3", error.Message);
            Assert.Contains("\"x\"", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loader_reports_missing_rows()
    {
        string path = Path.Combine(Path.GetTempPath(), $"short-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "3,2,a,b\n1,2,0\n3,4,1\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => Datasets.LoadBreastCancer(path));

            Assert.Contains("3", error.Message);
            Assert.Contains("2", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Dummy_data_is_standard_normal_with_random_labels()
    {
        Dataset data = Datasets.Dummy(20000, 5, seed: 42);
        double[] x = data.X.ToArray();
        double mean = x.Average();
        double variance = x.Select(v => (v - mean) * (v - mean)).Average();

        // 100,000 draws: the sample mean's standard error is 0.003, the variance's about 0.0045.
        Assert.InRange(mean, -0.015, 0.015);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(data.PositiveRate(), 0.48, 0.52);
        Assert.Equal(data.X.ToArray(), Datasets.Dummy(20000, 5, seed: 42).X.ToArray());
    }

    [Fact]
    public void Stratified_split_keeps_class_balance()
    {
        Dataset data = Datasets.BreastCancer();

        DataSplit split = DataSplit.TrainTest(data, 0.2, seed: 42);

        // round(212 × 0.2) = 42 and round(357 × 0.2) = 71 test rows.
        Assert.Equal(113, split.Test.Rows);
        Assert.Equal(456, split.Train.Rows);
        Assert.Equal(71, split.Test.Y.ToArray().Count(v => v == 1));
        Assert.Equal(286, split.Train.Y.ToArray().Count(v => v == 1));
    }

    [Fact]
    public void Split_partitions_rows_by_seed()
    {
        // Tag each row by its first feature, which is unique in this data.
        Dataset data = Datasets.Dummy(200, 2, seed: 1);

        DataSplit a = DataSplit.TrainTest(data, 0.25, seed: 42);
        DataSplit b = DataSplit.TrainTest(data, 0.25, seed: 42);
        DataSplit c = DataSplit.TrainTest(data, 0.25, seed: 43);

        double[] all = Enumerable.Range(0, 200).Select(i => data.Row(i)[0]).Order().ToArray();
        double[] union = FirstColumn(a.Train).Concat(FirstColumn(a.Test)).Order().ToArray();
        Assert.Equal(all, union);
        Assert.Equal(FirstColumn(a.Test), FirstColumn(b.Test));
        Assert.NotEqual(FirstColumn(a.Test), FirstColumn(c.Test));
    }

    [Fact]
    public void Standardizer_uses_training_statistics_only()
    {
        Dataset train = Dataset.FromRows([[1, 10], [3, 10], [5, 10]], [0, 1, 0]);
        Dataset test = Dataset.FromRows([[7, 4]], [1]);

        Standardizer scaler = Standardizer.Fit(train);
        Dataset scaledTrain = scaler.Transform(train);
        Dataset scaledTest = scaler.Transform(test);

        // Hand calculation: mean 3, population std sqrt(8/3); the constant column keeps scale 1.
        double std = Math.Sqrt(8.0 / 3.0);
        Assert.Equal(-2 / std, scaledTrain.Row(0)[0], 1e-15);
        Assert.Equal(0.0, scaledTrain.Row(1)[1]);
        Assert.Equal(4 / std, scaledTest.Row(0)[0], 1e-15);
        Assert.Equal(-6.0, scaledTest.Row(0)[1]);
    }

    [Fact]
    public void Standardized_columns_have_unit_scale()
    {
        DataSplit split = DataSplit.TrainTest(Datasets.BreastCancer(), 0.2, seed: 42);

        Dataset scaled = Standardizer.Fit(split.Train).Transform(split.Train);

        for (int j = 0; j < scaled.Columns; j++)
        {
            double[] column = Enumerable.Range(0, scaled.Rows).Select(i => scaled.Row(i)[j]).ToArray();
            double mean = column.Average();
            Assert.Equal(0, mean, 1e-12);
            Assert.Equal(1, Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average()), 1e-12);
        }
    }

    private static double[] FirstColumn(Dataset data) => Enumerable.Range(0, data.Rows).Select(i => data.Row(i)[0]).ToArray();

    [Fact]
    public void Synthetic_rows_match_the_row_source()
    {
        Dataset data = Datasets.Synthetic(50, 7, seed: 3);
        var source = new SyntheticRows(7, seed: 3);
        var row = new double[7];

        for (int i = 0; i < 50; i++)
        {
            double label = source.Next(row);
            Assert.Equal(data.Row(i).ToArray(), row);
            Assert.Equal(data.Y[i], label);
        }
    }

    [Fact]
    public void Synthetic_data_is_learnable()
    {
        // The labels follow a logistic model whose logit has a standard deviation of about 2, so a trained model
        // classifies most rows correctly. On the dummy data's random labels, accuracy stays near 0.5.
        Dataset data = Datasets.Synthetic(4000, 10, seed: 5);

        TrainingHistory history = Trainer.Train(data, new TrainerOptions { BatchSize = 32, Epochs = 3 });

        Assert.True(history.Epochs[^1].TrainAccuracy > 0.75, $"accuracy {history.Epochs[^1].TrainAccuracy}");
        Assert.InRange(data.PositiveRate(), 0.4, 0.7);
    }

    [Fact]
    public void Synthetic_true_weights_depend_on_seed_only()
    {
        var first = new SyntheticRows(4, seed: 9);
        var second = new SyntheticRows(4, seed: 9);

        Assert.Equal(first.TrueWeights, second.TrueWeights);
        Assert.Equal(0.25, first.TrueBias);
    }
}
