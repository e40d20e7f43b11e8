using BatchTutorial;
using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BatchTutorial.Bench;

/// <summary>
/// ML.NET's online SGD (B = 1 only): SgdCalibrated with one pass in row order, one thread, lr = 0.1 and no L2
/// penalty, on float32 copies of the data cached in memory before timing.
/// </summary>
public class MlNetBenchmarks
{
    private MLContext _context = null!;
    private IDataView _cached = null!;
    private SgdCalibratedTrainer _trainer = null!;

    /// <summary>The shapes of the run, for BenchmarkDotNet.</summary>
    public static IEnumerable<string> ShapeNames => EpochBenchmarks.ShapeNames;

    /// <summary>The data shape, "NxD".</summary>
    [ParamsSource(nameof(ShapeNames))]
    public string Shape { get; set; } = "";

    /// <summary>Loads the data into an ML.NET cache and fills it with one untimed pass.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Dataset data = BenchData.Get(BatchTutorial.Bench.Shape.Parse(Shape));
        _context = new MLContext(seed: 0);
        int d = data.Columns;
        var rows = new List<MlNetRow>(data.Rows);
        for (int i = 0; i < data.Rows; i++)
        {
            var features = new float[d];
            ReadOnlySpan<double> row = data.Row(i);
            for (int j = 0; j < d; j++)
            {
                features[j] = (float)row[j];
            }

            rows.Add(new MlNetRow { Features = features, Label = data.Y[i] == 1.0 });
        }

        var schema = SchemaDefinition.Create(typeof(MlNetRow));
        schema[nameof(MlNetRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        _cached = _context.Data.Cache(_context.Data.LoadFromEnumerable(rows, schema));
        _trainer = _context.BinaryClassification.Trainers.SgdCalibrated(new SgdCalibratedTrainer.Options
        {
            NumberOfIterations = 1,
            Shuffle = false,
            NumberOfThreads = 1,
            LearningRate = 0.1,
            L2Regularization = 0f,
        });
        _trainer.Fit(_cached);
    }

    /// <summary>One epoch of ML.NET's online SGD.</summary>
    [Benchmark(Description = "ML.NET SgdCalibrated")]
    public object SgdCalibrated() => _trainer.Fit(_cached);

    /// <summary>A row in ML.NET's data view.</summary>
    public sealed class MlNetRow
    {
        /// <summary>The features, float32.</summary>
        public float[] Features { get; set; } = [];

        /// <summary>The label.</summary>
        public bool Label { get; set; }
    }
}

/// <summary>
/// The memory bounds of an epoch. One pass over X that only sums it, on one and on two threads, is the streaming bound.
/// The same sum over the rows and their labels gathered through a random permutation is the floor of a shuffled
/// epoch, which also draws that permutation (timed on its own).
/// </summary>
public class BandwidthBenchmarks
{
    private ReadOnlyMemory<double> _x;
    private ReadOnlyMemory<double> _y;
    private int[] _order = [];
    private int[] _drawn = [];
    private SeededRandom _random = new(BenchData.Seed);
    private int _columns;

    /// <summary>The shapes of the run, for BenchmarkDotNet.</summary>
    public static IEnumerable<string> ShapeNames => EpochBenchmarks.ShapeNames;

    /// <summary>The data shape, "NxD".</summary>
    [ParamsSource(nameof(ShapeNames))]
    public string Shape { get; set; } = "";

    /// <summary>Takes X of the shape's data set and draws the permutation of the gather probe.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Dataset data = BenchData.Get(BatchTutorial.Bench.Shape.Parse(Shape));
        _x = data.XMemory;
        _y = data.YMemory;
        _columns = data.Columns;
        _order = new int[data.Rows];
        _drawn = new int[data.Rows];
        new SeededRandom(BenchData.Seed).Permutation(_order);
    }

    /// <summary>Sums X on one thread.</summary>
    [Benchmark(Description = "sum of X, 1 thread")]
    public double OneThread() => Bandwidth.Sum(_x.Span);

    /// <summary>Sums X on two threads.</summary>
    [Benchmark(Description = "sum of X, 2 threads")]
    public double TwoThreads() => Bandwidth.SumOnTwoThreads(_x);

    /// <summary>Sums X's rows and their labels in a random order on one thread.</summary>
    [Benchmark(Description = "sum of X and y, rows in random order")]
    public double PermutedRows() => Bandwidth.SumRows(_x.Span, _y.Span, _columns, _order);

    /// <summary>Sums X's rows and their labels in a random order on two threads, half of the order each.</summary>
    [Benchmark(Description = "sum of X and y, rows in random order, 2 threads")]
    public double PermutedRowsTwoThreads() => Bandwidth.SumRowsOnTwoThreads(_x, _y, _columns, _order);

    /// <summary>Draws the next permutation of the N rows, as a shuffled epoch does (Fisher-Yates, one thread).</summary>
    [Benchmark(Description = "permutation of N rows")]
    public int Permutation()
    {
        _random.Permutation(_drawn);
        return _drawn[0];
    }
}
