using System.Globalization;

namespace BatchTutorial.Tests;

[Collection(CultureCollection.Name)]
public class BadInputTests
{
    [Fact]
    public void Mismatched_lengths_are_rejected_not_truncated()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset(new double[10], new double[4], 2));

        Assert.Equal("x", error.ParamName);
        Assert.Contains("5", error.Message);
        Assert.Contains("4", error.Message);
    }

    [Fact]
    public void Empty_data_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([], [], 3));

        Assert.Equal("y", error.ParamName);
    }

    [Fact]
    public void Labels_other_than_0_and_1_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3], [0, 2, 1], 1));

        Assert.Equal("y", error.ParamName);
        Assert.Contains("y[1]", error.Message);
        Assert.Contains("2", error.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Nonfinite_features_are_rejected(double bad, string shown)
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([1, bad, 3], [0, 1, 1], 1));

        Assert.Equal("x", error.ParamName);
        Assert.Contains("x[1]", error.Message);
        Assert.Contains(shown, error.Message);
    }

    [Fact]
    public void Nonfinite_labels_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([1, 2], [0, double.NaN], 1));

        Assert.Equal("y", error.ParamName);
    }

    [Fact]
    public void Features_not_a_multiple_of_columns_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset(new double[7], new double[3], 2));

        Assert.Equal("x", error.ParamName);
        Assert.Contains("7", error.Message);
    }

    [Fact]
    public void Model_rejects_nonfinite_weights()
    {
        var error = Assert.Throws<ArgumentException>(() => new LogisticRegression([0.1, double.NaN], 0));

        Assert.Equal("weights", error.ParamName);
    }

    [Fact]
    public void Step_rejects_gradient_of_wrong_length()
    {
        var error = Assert.Throws<ArgumentException>(() => GradientDescent.Step(new LogisticRegression(3), [1.0, 2.0], 0, 0.1));

        Assert.Equal("dW", error.ParamName);
    }

    [Fact]
    public void Messages_follow_the_ui_culture()
    {
        string english = CaptureBatchSizeMessage("en-US");
        string japanese = CaptureBatchSizeMessage("ja-JP");

        Assert.StartsWith("batchSize must be greater than 0, but was 0.", english);
        Assert.StartsWith("batchSize は 0 より大きい値にしてください。受け取った値: 0", japanese);
    }

    [Fact]
    public void Every_message_exists_in_both_languages()
    {
        var resources = new System.Resources.ResourceManager("BatchTutorial.Resources.Messages", typeof(Messages).Assembly);
        foreach (string key in Messages.Keys)
        {
            string? english = resources.GetString(key, CultureInfo.GetCultureInfo("en-US"));
            string? japanese = resources.GetString(key, CultureInfo.GetCultureInfo("ja-JP"));

            Assert.False(string.IsNullOrWhiteSpace(english), key);
            Assert.False(string.IsNullOrWhiteSpace(japanese), key);
            Assert.NotEqual(english, japanese);
            Assert.Contains("{0}", english);
            Assert.Contains("{0}", japanese);
        }
    }

    private static string CaptureBatchSizeMessage(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return Assert.Throws<ArgumentOutOfRangeException>(() => BatchPlan.Create(10, 0)).Message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CultureCollection
{
    public const string Name = "UI culture";
}
