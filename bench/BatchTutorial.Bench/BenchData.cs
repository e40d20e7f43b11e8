using BatchTutorial;

namespace BatchTutorial.Bench;

/// <summary>A data shape of the grid: N rows of D features.</summary>
public sealed record Shape(int Rows, int Columns)
{
    /// <summary>Returns the shape written as "NxD", the form the benchmark parameters use.</summary>
    public override string ToString() => $"{Rows}x{Columns}";

    /// <summary>Parses "NxD".</summary>
    public static Shape Parse(string text)
    {
        string[] parts = text.Split('x');
        return new Shape(int.Parse(parts[0]), int.Parse(parts[1]));
    }

    /// <summary>The bytes of X: N·D·8.</summary>
    public long FeatureBytes => (long)Rows * Columns * sizeof(double);
}

/// <summary>
/// The run's settings and data, shared by every benchmark class in this process (the benchmarks run in-process, so
/// each data set is generated once).
/// </summary>
public static class BenchData
{
    private static readonly Dictionary<Shape, Dataset> Cache = [];

    /// <summary>The seed of every data set of the run.</summary>
    public const long Seed = 42;

    /// <summary>The learning rate of every peer.</summary>
    public const double LearningRate = 0.1;

    /// <summary>The shapes of this run (set by Program before the benchmarks start).</summary>
    public static Shape[] Shapes { get; set; } = [new(1_000_000, 10), new(100_000, 100)];

    /// <summary>The batch sizes of the grid; "N" is the full batch.</summary>
    public static string[] BatchSizes { get; } = ["1", "32", "1024", "N"];

    /// <summary>Returns the synthetic data set of <paramref name="shape"/>, generating it on first use.</summary>
    public static Dataset Get(Shape shape)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(shape, out Dataset? data))
            {
                data = Datasets.Synthetic(shape.Rows, shape.Columns, Seed);
                Cache[shape] = data;
            }

            return data;
        }
    }

    /// <summary>Returns the batch size that "N" or a number stands for.</summary>
    public static int BatchSize(string batch, Shape shape) => batch == "N" ? shape.Rows : int.Parse(batch);
}
