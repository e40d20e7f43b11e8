using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BatchTutorial;

/// <summary>The middle pass of the mini-batch kernels: the errors e = σ(z) − y of one block of rows.</summary>
internal static class BlockErrors
{
    /// <summary>
    /// Replaces the <paramref name="count"/> logits from <paramref name="values"/> on with e = σ(z) − y of the rows at
    /// positions <paramref name="blockStart"/> … of the epoch, and returns Σ e. Adds the rows' log loss to
    /// <paramref name="lossSum"/> when <paramref name="wantLoss"/> is set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Compute<TOrder>(ref double values, ref double y, ref int order, int blockStart, int count, bool wantLoss, ref double lossSum)
        where TOrder : struct, IRowOrder
    {
        int whole = count & ~3;
        Vector256<double> errorSum = default;
        for (int q = 0; q < whole; q += 4)
        {
            Vector256<double> z = Vector256.LoadUnsafe(ref values, (nuint)q);
            Vector256<double> labels = TOrder.Labels4(ref y, ref order, blockStart + q);
            Vector256<double> e = Vector256Math.Sigmoid(z) - labels;
            errorSum += e;
            if (wantLoss)
            {
                lossSum += Vector256Math.LossSum4(z, labels);
            }

            e.StoreUnsafe(ref values, (nuint)q);
        }

        double sum = Vector256.Sum(errorSum);
        for (int q = whole; q < count; q++)
        {
            double z = Unsafe.Add(ref values, q);
            double label = Unsafe.Add(ref y, TOrder.Row(ref order, blockStart + q));
            double e = Vector256Math.Sigmoid(Vector256.CreateScalarUnsafe(z)).ToScalar() - label;
            sum += e;
            if (wantLoss)
            {
                lossSum += LogLoss.FromLogit(z, label);
            }

            Unsafe.Add(ref values, q) = e;
        }

        return sum;
    }
}
