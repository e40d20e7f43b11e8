namespace BatchTutorial.Tests;

public class SeededRandomTests
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const ulong FirstMultiplier = 0xBF58476D1CE4E5B9UL;
    private const ulong SecondMultiplier = 0x94D049BB133111EBUL;

    [Theory]
    [InlineData(0UL)]
    [InlineData(5UL)]
    [InlineData(616UL)]
    [InlineData(ulong.MaxValue)]
    public void Seed_for_first_draw_inverts_generator(ulong firstDraw)
    {
        Assert.Equal(firstDraw, new SeededRandom(SeedForFirstDraw(firstDraw)).NextUInt64());
    }

    [Theory]
    [InlineData(3, 0UL)]
    [InlineData(7, 0UL)]
    [InlineData(7, 1UL)]
    [InlineData(7, 2UL)]
    [InlineData(1000, 5UL)]
    [InlineData(1000, 615UL)]
    [InlineData(1000, 616UL)]
    [InlineData(1000, 999UL)]
    public void Permutation_matches_next_int_when_rejecting(int n, ulong firstDraw)
    {
        // A first draw r below the bound n is rejected when r < 2^64 mod n: 2^64 mod 3 = 1, mod 7 = 2 and
        // mod 1000 = 616. So 0 (n = 3), 0 and 1 (n = 7), 5 and 615 (n = 1000) are drawn again, and 2 (n = 7), 616 and
        // 999 (n = 1000) are kept. A random draw falls below 616 fewer than once in 10^16 draws, so only a chosen seed
        // runs that code.
        long seed = SeedForFirstDraw(firstDraw);
        var fast = new SeededRandom(seed);
        var reference = new SeededRandom(seed);
        int[] order = new int[n];

        fast.Permutation(order);

        Assert.Equal(ShuffleWithNextInt(reference, n), order);
        Assert.Equal(reference.NextUInt64(), fast.NextUInt64());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(65_537)]
    public void Successive_permutations_match_next_int(int n)
    {
        var fast = new SeededRandom(99);
        var reference = new SeededRandom(99);
        int[] order = new int[n];
        for (int e = 0; e < 3; e++)
        {
            fast.Permutation(order);

            Assert.Equal(ShuffleWithNextInt(reference, n), order);
        }

        Assert.Equal(reference.NextUInt64(), fast.NextUInt64());
    }

    /// <summary>Shuffles 0 … n − 1 by Fisher-Yates with NextInt(i + 1) for i = n − 1 down to 1, the definition Permutation follows.</summary>
    private static int[] ShuffleWithNextInt(SeededRandom random, int n)
    {
        int[] order = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>Returns a seed whose first NextUInt64 is <paramref name="draw"/>, by undoing SplitMix64's output steps.</summary>
    private static long SeedForFirstDraw(ulong draw)
    {
        ulong z = UndoXorShift(draw, 31);
        z = unchecked(z * Inverse(SecondMultiplier));
        z = UndoXorShift(z, 27);
        z = unchecked(z * Inverse(FirstMultiplier));
        z = UndoXorShift(z, 30);
        return unchecked((long)(z - Gamma));
    }

    /// <summary>Returns the inverse of an odd number modulo 2^64 (Newton's iteration doubles the correct bits each step).</summary>
    private static ulong Inverse(ulong odd)
    {
        ulong inverse = odd;
        for (int i = 0; i < 6; i++)
        {
            inverse = unchecked(inverse * (2 - odd * inverse));
        }

        return inverse;
    }

    /// <summary>Returns x such that x ^ (x &gt;&gt; shift) = <paramref name="value"/>.</summary>
    private static ulong UndoXorShift(ulong value, int shift)
    {
        ulong x = value;
        for (int i = 0; i < 64 / shift + 1; i++)
        {
            x = value ^ (x >> shift);
        }

        return x;
    }
}
