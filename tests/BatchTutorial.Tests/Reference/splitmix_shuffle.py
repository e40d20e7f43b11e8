"""Reference permutation for BatchTutorial.Tests: SplitMix64 (Steele, Lea, Flood 2014) driving a Fisher-Yates shuffle.

Run:  /usr/bin/python3 tests/BatchTutorial.Tests/Reference/splitmix_shuffle.py
It writes the row order of the first shuffled epoch for N = 10, seed 42, computed with Python integers, so it is an
independent check of the C# generator (unbiased bounded integers by rejection below (2^64 - bound) mod bound).
"""
MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def permutation(n, seed):
    bits = splitmix64(seed)
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        bound = i + 1
        threshold = ((1 << 64) - bound) % bound
        r = next(bits)
        while r < threshold:
            r = next(bits)
        j = r % bound
        order[i], order[j] = order[j], order[i]
    return order


print(permutation(10, 42))
