using BatchTutorial;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace BatchTutorial.Bench;

/// <summary>
/// One epoch per invocation, from the model the previous invocation left: the library (sequential and shuffled), the
/// plain scalar loop, and the MathNet textbook form. Every peer uses lr = 0.1 and the same data.
/// </summary>
public class EpochBenchmarks
{
    private Dataset _data = null!;
    private TrainingSession _sequential = null!;
    private TrainingSession _shuffled = null!;
    private int _batchSize;
    private double[] _x = null!;
    private double[] _y = null!;
    private double[] _plainW = null!;
    private double _plainB;
    private double[] _errors = null!;
    private double[] _gradient = null!;
    private Matrix<double>? _matrix;
    private MathNet.Numerics.LinearAlgebra.Vector<double>? _labels;
    private MathNet.Numerics.LinearAlgebra.Vector<double>? _textbookW;
    private double _textbookB;

    /// <summary>The shapes of the run, for BenchmarkDotNet.</summary>
    public static IEnumerable<string> ShapeNames => BenchData.Shapes.Select(s => s.ToString());

    /// <summary>The batch sizes of the grid, for BenchmarkDotNet.</summary>
    public static IEnumerable<string> BatchNames => BenchData.BatchSizes;

    /// <summary>The data shape, "NxD".</summary>
    [ParamsSource(nameof(ShapeNames))]
    public string Shape { get; set; } = "";

    /// <summary>The batch size, or "N" for the full batch.</summary>
    [ParamsSource(nameof(BatchNames))]
    public string Batch { get; set; } = "";

    /// <summary>Creates each peer's state; the library's sessions allocate everything here.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Shape shape = BatchTutorial.Bench.Shape.Parse(Shape);
        _data = BenchData.Get(shape);
        _batchSize = BenchData.BatchSize(Batch, shape);
        _sequential = StartSession(shuffle: false);
        _shuffled = StartSession(shuffle: true);
        _x = _data.XMemory.ToArray();
        _y = _data.YMemory.ToArray();
        _plainW = new double[shape.Columns];
        _plainB = 0;
        _errors = new double[Math.Min(_batchSize, shape.Rows)];
        _gradient = new double[shape.Columns];
    }

    /// <summary>Builds the MathNet matrices only for the textbook benchmark, since they copy X.</summary>
    [GlobalSetup(Target = nameof(MathNetTextbook))]
    public void SetupTextbook()
    {
        Setup();
        MathNet.Numerics.Control.UseSingleThread();
        _matrix = Textbook.ToMatrix(_data);
        _labels = Textbook.LabelVector(_data);
        _textbookW = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(_data.Columns);
        _textbookB = 0;
    }

    /// <summary>Drops the copies so the next parameter set starts with free memory.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _matrix = null;
        _labels = null;
        _x = null!;
        _y = null!;
    }

    /// <summary>The library, rows in order: <see cref="TrainingSession.RunEpoch"/> with nothing recorded.</summary>
    [Benchmark(Description = "library")]
    public EpochRecord Library() => RunEpoch(ref _sequential, shuffle: false);

    /// <summary>The library with a new permutation every epoch, its generation included.</summary>
    [Benchmark(Description = "library shuffled")]
    public EpochRecord LibraryShuffled() => RunEpoch(ref _shuffled, shuffle: true);

    /// <summary>The plain scalar loop.</summary>
    [Benchmark(Description = "plain loop")]
    public double Plain()
    {
        PlainLoop.Epoch(_x, _y, _data.Columns, _batchSize, BenchData.LearningRate, _plainW, ref _plainB, _errors, _gradient);
        return _plainB;
    }

    /// <summary>The library's MathNet textbook form, one thread.</summary>
    [Benchmark(Description = "MathNet textbook")]
    public double MathNetTextbook()
    {
        (_textbookW, _textbookB) = Textbook.Epoch(_matrix!, _labels!, _textbookW!, _textbookB, BenchData.LearningRate, _batchSize);
        return _textbookB;
    }

    private EpochRecord RunEpoch(ref TrainingSession session, bool shuffle)
    {
        if (session.EpochsCompleted == session.Options.Epochs)
        {
            session = StartSession(shuffle);
        }

        return session.RunEpoch();
    }

    private TrainingSession StartSession(bool shuffle) => Trainer.Start(_data, new TrainerOptions
    {
        BatchSize = _batchSize,
        Epochs = 20_000,
        LearningRate = BenchData.LearningRate,
        Shuffle = shuffle,
        Seed = BenchData.Seed,
        RecordUpdates = false,
        RecordEpochMetrics = false,
    });
}
