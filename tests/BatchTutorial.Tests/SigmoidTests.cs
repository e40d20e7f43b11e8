namespace BatchTutorial.Tests;

public class SigmoidTests
{
    // Expected values: hand calculation from σ(z) = 1 / (1 + e^(−z)); e^(−800) and e^(−1e308) underflow to 0 in
    // double precision, so σ is exactly 1 there and σ(−z) = e^(−z)/(1 + e^(−z)) is exactly 0 or the subnormal e^(−z).
    [Theory]
    [InlineData(-1e308, 0.0, 0.0)]
    [InlineData(-800.0, 0.0, 0.0)]
    [InlineData(-40.0, 4.248354255291589e-18, 1e-30)]
    [InlineData(-1.0, 0.2689414213699951, 1e-16)]
    [InlineData(0.0, 0.5, 0.0)]
    [InlineData(1.0, 0.7310585786300049, 1e-16)]
    [InlineData(40.0, 1.0, 1e-16)]
    [InlineData(800.0, 1.0, 0.0)]
    [InlineData(1e308, 1.0, 0.0)]
    public void Table_from_minus_to_plus_infinity_like(double z, double expected, double tolerance)
    {
        double p = Sigmoid.Compute(z);

        Assert.True(double.IsFinite(p), $"σ({z}) = {p}");
        Assert.InRange(p, expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void Zero_gives_exactly_one_half()
    {
        Assert.Equal(0.5, Sigmoid.Compute(0.0));
        Assert.Equal(0.5, Sigmoid.Compute(-0.0));
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-8)]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(20.0)]
    [InlineData(700.0)]
    public void Symmetric_about_zero(double z)
    {
        Assert.Equal(1.0 - Sigmoid.Compute(z), Sigmoid.Compute(-z), 1e-15);
    }

    [Fact]
    public void Span_form_matches_scalar_form()
    {
        double[] z = [-1e308, -800, -3, -0.5, 0, 0.5, 3, 800, 1e308];
        var p = new double[z.Length];

        Sigmoid.Compute(z, p);

        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(Sigmoid.Compute(z[i]), p[i]);
        }
    }

    [Fact]
    public void Span_form_can_write_in_place()
    {
        double[] values = [-2, 0, 2];

        Sigmoid.Compute(values, values);

        Assert.Equal(0.5, values[1]);
        Assert.Equal(1.0 - values[2], values[0], 1e-15);
    }

    [Fact]
    public void Span_form_rejects_different_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => Sigmoid.Compute(new double[3], new double[2]));

        Assert.Equal("z", error.ParamName);
        Assert.Contains("3", error.Message);
        Assert.Contains("2", error.Message);
    }
}
