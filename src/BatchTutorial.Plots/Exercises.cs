namespace BatchTutorial.Plots;

/// <summary>The outcome of an exercise check: whether the answer is right, and feedback in the notebook's language.</summary>
/// <param name="Correct">True when the answer is right.</param>
/// <param name="Message">"Correct." with an explanation, or "Not correct yet." with a hint.</param>
public sealed record ExerciseResult(bool Correct, string Message)
{
    /// <summary>Returns <see cref="Message"/>.</summary>
    public override string ToString() => Message;
}

/// <summary>
/// Checkers of the exercises of lesson 07 (summary and exercises). Each method takes the learner's answer and
/// returns whether it is right, with an explanation or a hint in the requested language (default
/// <see cref="Languages.Current"/>, the notebook's language).
/// </summary>
/// <remarks>
/// The values of each task (N, B, epochs) are the constants of this class, so the notebook text, the checkers and
/// the tests share one source.
/// </remarks>
public static class Exercises
{
    /// <summary>N of exercise 1 (update count).</summary>
    public const int UpdateCountRows = 1234;

    /// <summary>B of exercise 1.</summary>
    public const int UpdateCountBatchSize = 100;

    /// <summary>Epochs of exercise 1.</summary>
    public const int UpdateCountEpochs = 3;

    /// <summary>N of exercise 2 (batches per epoch with drop-last).</summary>
    public const int DropLastRows = 1000;

    /// <summary>B of exercise 2.</summary>
    public const int DropLastBatchSize = 300;

    /// <summary>N of exercise 5: rows of the 2-D blobs (<see cref="Datasets.Blobs"/>) the divisor check trains on.</summary>
    public const int DivisorRows = 50;

    /// <summary>B of exercise 5; 50 rows give batches of 16, 16, 16 and 2 rows.</summary>
    public const int DivisorBatchSize = 16;

    /// <summary>lr of exercise 5.</summary>
    public const double DivisorLearningRate = 0.5;

    /// <summary>Seed of the blobs of exercise 5.</summary>
    public const int DivisorSeed = 42;

    /// <summary>The right choice of exercise 4: shuffling changes which rows each batch contains.</summary>
    public const char ShuffleChoice = 'a';

    // Largest difference in W or b between the learner's epoch and Trainer's that still counts as the same result.
    // The trainer sums in another order (SIMD), so identical updates agree to about 1e-15, and a batch divided by
    // B = 16 instead of m = 2 changes W by more than 1e-3.
    private const double DivisorTolerance = 1e-9;

    /// <summary>
    /// Checks exercise 1: the updates of mini-batch learning over <see cref="UpdateCountEpochs"/> epochs with
    /// N = <see cref="UpdateCountRows"/> and B = <see cref="UpdateCountBatchSize"/>, the last short batch kept.
    /// </summary>
    public static ExerciseResult CheckUpdateCount(long answer, Language? language = null)
    {
        Language lang = language ?? Languages.Current;
        int perEpoch = BatchPlan.CountBatches(UpdateCountRows, UpdateCountBatchSize);
        int fullBatches = UpdateCountRows / UpdateCountBatchSize;
        long expected = (long)perEpoch * UpdateCountEpochs;
        if (answer == expected)
        {
            return Right(lang, ExerciseText.Format(ExerciseText.UpdateCountExplained, lang, UpdateCountRows, UpdateCountBatchSize, perEpoch, UpdateCountEpochs, expected));
        }

        if (answer == perEpoch)
        {
            return Wrong(lang, ExerciseText.Format(ExerciseText.UpdateCountOneEpoch, lang, answer, UpdateCountEpochs));
        }

        if (answer == (long)fullBatches * UpdateCountEpochs || answer == fullBatches)
        {
            return Wrong(lang, ExerciseText.Format(ExerciseText.UpdateCountDroppedLast, lang, UpdateCountRows % UpdateCountBatchSize));
        }

        return Wrong(lang, ExerciseText.Format(ExerciseText.UpdateCountHint, lang));
    }

    /// <summary>
    /// Checks exercise 2: the batches per epoch with drop-last for N = <see cref="DropLastRows"/> and
    /// B = <see cref="DropLastBatchSize"/>.
    /// </summary>
    public static ExerciseResult CheckDropLastBatchCount(int answer, Language? language = null)
    {
        Language lang = language ?? Languages.Current;
        int expected = BatchPlan.CountBatches(DropLastRows, DropLastBatchSize, dropLast: true);
        int withLastBatch = BatchPlan.CountBatches(DropLastRows, DropLastBatchSize, dropLast: false);
        int leftOver = DropLastRows % DropLastBatchSize;
        if (answer == expected)
        {
            return Right(lang, ExerciseText.Format(ExerciseText.DropLastExplained, lang, DropLastRows, DropLastBatchSize, expected, leftOver));
        }

        if (answer == withLastBatch)
        {
            return Wrong(lang, ExerciseText.Format(ExerciseText.DropLastKeptLast, lang, answer, leftOver));
        }

        return Wrong(lang, ExerciseText.Format(ExerciseText.DropLastHint, lang));
    }

    /// <summary>Checks exercise 3: the samples that one update of online learning uses (1).</summary>
    public static ExerciseResult CheckOnlineSamplesPerUpdate(int answer, Language? language = null)
    {
        Language lang = language ?? Languages.Current;
        return answer == 1
            ? Right(lang, ExerciseText.Format(ExerciseText.OnlineExplained, lang))
            : Wrong(lang, ExerciseText.Format(ExerciseText.OnlineHint, lang));
    }

    /// <summary>
    /// Checks exercise 4, a multiple choice on what shuffling changes between two epochs:
    /// a = the rows each batch contains (right), b = the updates per epoch, c = the set of rows used in an epoch,
    /// d = the batch size. Upper and lower case are accepted.
    /// </summary>
    public static ExerciseResult CheckShuffleChange(char answer, Language? language = null)
    {
        Language lang = language ?? Languages.Current;
        return char.ToLowerInvariant(answer) switch
        {
            ShuffleChoice => Right(lang, ExerciseText.Format(ExerciseText.ShuffleExplained, lang)),
            'b' => Wrong(lang, ExerciseText.Format(ExerciseText.ShuffleUpdatesUnchanged, lang)),
            'c' => Wrong(lang, ExerciseText.Format(ExerciseText.ShuffleRowSetUnchanged, lang)),
            'd' => Wrong(lang, ExerciseText.Format(ExerciseText.ShuffleBatchSizeUnchanged, lang)),
            _ => Wrong(lang, ExerciseText.Format(ExerciseText.ShuffleUnknownChoice, lang, answer)),
        };
    }

    /// <summary>
    /// Checks exercise 5: runs one sequential epoch of gradient descent on <see cref="DivisorRows"/> rows of 2-D blobs
    /// with B = <see cref="DivisorBatchSize"/>, dividing each batch's summed gradient by
    /// <c>divisor(batchSize, rows)</c>, and compares W and b with <see cref="Trainer.Train"/> on the same data.
    /// </summary>
    /// <param name="divisor">The learner's function: (the nominal batch size B, the rows m actually in the batch) → the number to divide by.</param>
    /// <param name="language">Language of the message; default <see cref="Languages.Current"/>.</param>
    public static ExerciseResult CheckBatchDivisor(Func<int, int, int> divisor, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(divisor);
        Language lang = language ?? Languages.Current;
        Dataset data = Datasets.Blobs(DivisorRows, DivisorSeed);
        var options = new TrainerOptions
        {
            BatchSize = DivisorBatchSize,
            Epochs = 1,
            LearningRate = DivisorLearningRate,
            RecordUpdates = false,
            RecordEpochMetrics = false,
        };
        LogisticRegression reference = Trainer.Train(data, options).Model;

        var w = new double[data.Columns];
        double b = 0;
        (Batch Batch, int DivideBy)? firstOff = null;
        foreach (Batch batch in BatchPlan.Sequential(data.Rows, DivisorBatchSize))
        {
            int divideBy;
            try
            {
                divideBy = divisor(DivisorBatchSize, batch.Count);
            }
            catch (Exception exception)
            {
                // The learner's code may throw anything; the message is the feedback, so it is reported, not re-thrown.
                return Wrong(lang, ExerciseText.Format(ExerciseText.DivisorThrew, lang, exception.GetType().Name, exception.Message));
            }

            if (divideBy < 1)
            {
                return Wrong(lang, ExerciseText.Format(ExerciseText.DivisorNotPositive, lang, divideBy, batch.Count));
            }

            if (divideBy != batch.Count && firstOff is null)
            {
                firstOff = (batch, divideBy);
            }

            StepWithDivisor(data, batch, w, ref b, divideBy);
        }

        double difference = Math.Abs(b - reference.Bias);
        for (int j = 0; j < w.Length; j++)
        {
            difference = Math.Max(difference, Math.Abs(w[j] - reference.Weights[j]));
        }

        if (difference <= DivisorTolerance)
        {
            return Right(lang, ExerciseText.Format(ExerciseText.DivisorExplained, lang, difference, DivisorRows % DivisorBatchSize));
        }

        // A result off by more than rounding means some batch was divided by a number other than its row count.
        if (firstOff is not (Batch off, int offDivideBy))
        {
            throw new InvalidOperationException($"Every batch was divided by its row count, yet W and b differ from Trainer's by {difference:G3}. The check and Trainer disagree, which is a bug in the kit.");
        }

        return Wrong(lang, ExerciseText.Format(ExerciseText.DivisorMismatch, lang, difference, off.Step + 1, off.Count, offDivideBy));
    }

    /// <summary>
    /// Checks exercise 6: the batch size that reached the target loss in the fewest seconds, read from a table measured
    /// in the notebook (timings vary, so the right answer is the table's, not a fixed number).
    /// </summary>
    /// <param name="answer">The learner's batch size.</param>
    /// <param name="batchSizes">The batch sizes of the table.</param>
    /// <param name="secondsToTarget">Seconds each batch size needed to reach the target; NaN or infinity when it did not.</param>
    /// <param name="language">Language of the message; default <see cref="Languages.Current"/>.</param>
    /// <exception cref="ArgumentException">The two lists differ in length, or no row reached the target.</exception>
    public static ExerciseResult CheckFastestBatchSize(int answer, IReadOnlyList<int> batchSizes, IReadOnlyList<double> secondsToTarget, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(secondsToTarget);
        Language lang = language ?? Languages.Current;
        if (batchSizes.Count != secondsToTarget.Count)
        {
            throw new ArgumentException(ChartErrors.Format(ChartErrors.LengthMismatch, nameof(batchSizes), batchSizes.Count, nameof(secondsToTarget), secondsToTarget.Count), nameof(secondsToTarget));
        }

        double fewest = secondsToTarget.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min();
        if (double.IsNaN(fewest))
        {
            throw new ArgumentException(ExerciseText.Format(ExerciseText.NoRowReachedTarget, lang, nameof(secondsToTarget)), nameof(secondsToTarget));
        }

        int row = IndexOf(batchSizes, answer);
        if (row < 0)
        {
            return Wrong(lang, ExerciseText.Format(ExerciseText.FastestNotInTable, lang, answer, string.Join(", ", batchSizes)));
        }

        double seconds = secondsToTarget[row];
        if (!double.IsFinite(seconds))
        {
            return Wrong(lang, ExerciseText.Format(ExerciseText.FastestNotReached, lang, answer));
        }

        // Several rows with the same fewest seconds are all right answers.
        return seconds == fewest
            ? Right(lang, ExerciseText.Format(ExerciseText.FastestExplained, lang, answer, seconds * 1000))
            : Wrong(lang, ExerciseText.Format(ExerciseText.FastestSlower, lang, answer, seconds * 1000));
    }

    /// <summary>Applies one update of the batch: W ← W − lr·Σ(e·x) / divisor, b ← b − lr·Σe / divisor.</summary>
    private static void StepWithDivisor(Dataset data, Batch batch, double[] w, ref double b, int divisor)
    {
        var gradientSum = new double[w.Length];
        double biasSum = 0;
        for (int i = batch.Start; i < batch.End; i++)
        {
            ReadOnlySpan<double> x = data.Row(i);
            double z = b;
            for (int j = 0; j < w.Length; j++)
            {
                z += x[j] * w[j];
            }

            double e = Sigmoid.Compute(z) - data.Y[i];
            for (int j = 0; j < w.Length; j++)
            {
                gradientSum[j] += e * x[j];
            }

            biasSum += e;
        }

        for (int j = 0; j < w.Length; j++)
        {
            w[j] -= DivisorLearningRate * gradientSum[j] / divisor;
        }

        b -= DivisorLearningRate * biasSum / divisor;
    }

    private static int IndexOf(IReadOnlyList<int> values, int value)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static ExerciseResult Right(Language language, string explanation) =>
        new(true, ExerciseText.Format(ExerciseText.Correct, language, explanation));

    private static ExerciseResult Wrong(Language language, string hint) =>
        new(false, ExerciseText.Format(ExerciseText.Wrong, language, hint));
}
