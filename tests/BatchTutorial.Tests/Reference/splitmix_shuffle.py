"""Reference permutations for BatchTutorial.Tests: SplitMix64 (Steele, Lea, Flood 2014) driving a Fisher-Yates shuffle.

Run:  /usr/bin/python3 tests/BatchTutorial.Tests/Reference/splitmix_shuffle.py
It prints, computed with Python integers (an independent check of the C# generator, with unbiased bounded integers
by rejection below (2^64 - bound) mod bound):
  1. the row order of the first shuffled epoch for N = 10, seed 42;
  2. for three successive permutations of N = 1000 drawn from one generator with seed 7, the checksum
     sum(p * order[p]) of each, then the generator's next 64-bit output (so the state after the draws is checked too).
"""
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def permutation(n, bits):
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        bound = i + 1
        threshold = ((1 << 64) - bound) % bound
        r = bits.next()
        while r < threshold:
            r = bits.next()
        j = r % bound
        order[i], order[j] = order[j], order[i]
    return order


print(permutation(10, SplitMix64(42)))

generator = SplitMix64(7)
print([sum(p * row for p, row in enumerate(permutation(1000, generator))) for _ in range(3)])
print(generator.next())
