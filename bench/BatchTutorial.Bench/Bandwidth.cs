using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial.Bench;

/// <summary>
/// The streaming-read probe: the sum of every value of X with 256-bit vectors and eight accumulators, on one thread
/// or split in two halves over two threads. Its time is the lower bound of an epoch that reads X once.
/// </summary>
public static class Bandwidth
{
    /// <summary>Returns the sum of <paramref name="values"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Sum(ReadOnlySpan<double> values)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        nuint length = (nuint)values.Length;
        Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        nuint i = 0;
        for (; i + 32 <= length; i += 32)
        {
            s0 += Vector256.LoadUnsafe(ref start, i);
            s1 += Vector256.LoadUnsafe(ref start, i + 4);
            s2 += Vector256.LoadUnsafe(ref start, i + 8);
            s3 += Vector256.LoadUnsafe(ref start, i + 12);
            s4 += Vector256.LoadUnsafe(ref start, i + 16);
            s5 += Vector256.LoadUnsafe(ref start, i + 20);
            s6 += Vector256.LoadUnsafe(ref start, i + 24);
            s7 += Vector256.LoadUnsafe(ref start, i + 28);
        }

        double sum = Vector256.Sum(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref start, i);
        }

        return sum;
    }

    /// <summary>Returns the sum of <paramref name="values"/>, each half summed on its own thread.</summary>
    public static double SumOnTwoThreads(ReadOnlyMemory<double> values)
    {
        int half = values.Length / 2;
        double second = 0;
        var helper = Task.Run(() => second = Sum(values.Span[half..]));
        double first = Sum(values.Span[..half]);
        helper.Wait();
        return first + second;
    }

    /// <summary>
    /// Returns a sum over every row of X and its label in y, read in the order <paramref name="order"/>: the memory
    /// traffic of a shuffled epoch without its arithmetic, so its time is the floor of gathering rows through a
    /// permutation.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double SumRows(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int columns, ReadOnlySpan<int> order)
    {
        ref double start = ref MemoryMarshal.GetReference(x);
        Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
        double labels = 0;
        nuint last = (nuint)(columns - 4);
        for (int p = 0; p + 4 <= order.Length; p += 4)
        {
            int i0 = order[p], i1 = order[p + 1], i2 = order[p + 2], i3 = order[p + 3];
            labels += (y[i0] + y[i1]) + (y[i2] + y[i3]);
            ref double r0 = ref Unsafe.Add(ref start, (nint)i0 * columns);
            ref double r1 = ref Unsafe.Add(ref start, (nint)i1 * columns);
            ref double r2 = ref Unsafe.Add(ref start, (nint)i2 * columns);
            ref double r3 = ref Unsafe.Add(ref start, (nint)i3 * columns);
            for (nuint j = 0; j < last; j += 4)
            {
                s0 += Vector256.LoadUnsafe(ref r0, j);
                s1 += Vector256.LoadUnsafe(ref r1, j);
                s2 += Vector256.LoadUnsafe(ref r2, j);
                s3 += Vector256.LoadUnsafe(ref r3, j);
            }

            s0 += Vector256.LoadUnsafe(ref r0, last);
            s1 += Vector256.LoadUnsafe(ref r1, last);
            s2 += Vector256.LoadUnsafe(ref r2, last);
            s3 += Vector256.LoadUnsafe(ref r3, last);
        }

        return Vector256.Sum((s0 + s1) + (s2 + s3)) + labels;
    }

    /// <summary>Returns <see cref="SumRows"/> with the first half of the order summed on a second thread.</summary>
    public static double SumRowsOnTwoThreads(ReadOnlyMemory<double> x, ReadOnlyMemory<double> y, int columns, ReadOnlyMemory<int> order)
    {
        int half = order.Length / 2;
        double second = 0;
        var helper = Task.Run(() => second = SumRows(x.Span, y.Span, columns, order.Span[..half]));
        double first = SumRows(x.Span, y.Span, columns, order.Span[half..]);
        helper.Wait();
        return first + second;
    }
}
