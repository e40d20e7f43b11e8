namespace BatchTutorial;

/// <summary>A training part and a test part of one data set.</summary>
public sealed record DataSplit(Dataset Train, Dataset Test)
{
    /// <summary>
    /// Splits <paramref name="data"/> at random into training and test rows. With <paramref name="stratify"/>, each
    /// class is split on its own, so both parts keep the class balance; the test part of a class has
    /// round(count × testFraction) rows.
    /// </summary>
    /// <param name="data">The rows to split.</param>
    /// <param name="testFraction">Share of rows for the test part, strictly between 0 and 1. Default 0.2.</param>
    /// <param name="seed">Seed of the random split; the lessons use 42.</param>
    /// <param name="stratify">Keep the class balance in both parts. Default true.</param>
    public static DataSplit TrainTest(Dataset data, double testFraction = 0.2, long seed = 42, bool stratify = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.Fraction(testFraction, nameof(testFraction));
        var random = new SeededRandom(seed);
        var train = new List<int>();
        var test = new List<int>();
        if (stratify)
        {
            for (int label = 0; label <= 1; label++)
            {
                int[] rows = RowsWithLabel(data, label);
                if (rows.Length < 2)
                {
                    throw new ArgumentException(Messages.Format(nameof(Messages.StratifyNeedsBothClasses), nameof(data), label, rows.Length), nameof(data));
                }

                SplitRows(rows, testFraction, random, train, test);
            }
        }
        else
        {
            SplitRows(Enumerable.Range(0, data.Rows).ToArray(), testFraction, random, train, test);
        }

        train.Sort();
        test.Sort();
        Guard.NotEmpty(train.Count, nameof(train));
        Guard.NotEmpty(test.Count, nameof(test));
        return new DataSplit(data.Select(train.ToArray()), data.Select(test.ToArray()));
    }

    private static int[] RowsWithLabel(Dataset data, int label)
    {
        var rows = new List<int>();
        for (int i = 0; i < data.Rows; i++)
        {
            if (data.Y[i] == label)
            {
                rows.Add(i);
            }
        }

        return rows.ToArray();
    }

    private static void SplitRows(int[] rows, double testFraction, SeededRandom random, List<int> train, List<int> test)
    {
        var order = new int[rows.Length];
        random.Permutation(order);
        int testCount = (int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero);
        for (int k = 0; k < order.Length; k++)
        {
            (k < testCount ? test : train).Add(rows[order[k]]);
        }
    }
}
