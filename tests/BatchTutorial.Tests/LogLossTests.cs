namespace BatchTutorial.Tests;

public class LogLossTests
{
    // Expected values: hand calculation of softplus(z) − y·z = log(1 + e^z) − y·z.
    // log(2) = 0.6931471805599453; log(1 + e) = 1.3132616875182228; for |z| ≥ 40, log(1 + e^(−|z|)) ≈ e^(−|z|).
    [Theory]
    [InlineData(0.0, 1.0, 0.6931471805599453, 1e-16)]
    [InlineData(0.0, 0.0, 0.6931471805599453, 1e-16)]
    [InlineData(1.0, 1.0, 0.31326168751822286, 1e-16)]
    [InlineData(1.0, 0.0, 1.3132616875182228, 1e-15)]
    [InlineData(40.0, 1.0, 4.248354255291589e-18, 1e-30)]
    [InlineData(-40.0, 0.0, 4.248354255291589e-18, 1e-30)]
    [InlineData(800.0, 1.0, 0.0, 0.0)]
    [InlineData(800.0, 0.0, 800.0, 0.0)]
    [InlineData(-800.0, 1.0, 800.0, 0.0)]
    [InlineData(-800.0, 0.0, 0.0, 0.0)]
    [InlineData(1e308, 0.0, 1e308, 0.0)]
    [InlineData(-1e308, 1.0, 1e308, 0.0)]
    public void Table_stays_finite_where_p_rounds_to_0_or_1(double z, double y, double expected, double tolerance)
    {
        double loss = LogLoss.FromLogit(z, y);

        Assert.True(double.IsFinite(loss), $"loss({z}, {y}) = {loss}");
        Assert.InRange(loss, expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void Agrees_with_log_of_p_where_p_is_not_rounded()
    {
        foreach (double z in new[] { -5.0, -0.3, 0.7, 4.0 })
        {
            double p = 1 / (1 + Math.Exp(-z));

            Assert.Equal(-Math.Log(p), LogLoss.FromLogit(z, 1), 1e-14);
            Assert.Equal(-Math.Log(1 - p), LogLoss.FromLogit(z, 0), 1e-14);
        }
    }

    [Fact]
    public void Mean_averages_over_the_rows()
    {
        double mean = LogLoss.Mean([0.0, 800.0], [1.0, 0.0]);

        Assert.Equal((0.6931471805599453 + 800.0) / 2, mean, 1e-12);
    }

    [Fact]
    public void Mean_rejects_empty_batch()
    {
        var error = Assert.Throws<ArgumentException>(() => LogLoss.Mean([], []));

        Assert.Equal("z", error.ParamName);
    }
}
