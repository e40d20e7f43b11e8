"""Reference values for BatchTutorial.Tests: the numpy tutorial loop on a fixed data set.

Run with Debian's numpy:  /usr/bin/python3 tests/BatchTutorial.Tests/Reference/article_loop.py
The data is a closed formula (no random generator), so the C# tests rebuild it exactly:
  X[i, j] = 2 * sin(1 + 10 * i + j),  y[i] = 1 if (7 * i) % 3 == 0 else 0,  W0[j] = 0.5 * cos(1 + j),  b0 = 0.1
with N = 23 rows, D = 4 features, lr = 0.5. The loop is the tutorial's, except where "per_rows" divides the
weight gradient by the rows actually in the batch instead of by batch_size.
"""
import numpy as np

N, D, LR, B0 = 23, 4, 0.5, 0.1
i = np.arange(N)[:, None]
j = np.arange(D)[None, :]
X = 2.0 * np.sin(1.0 + 10.0 * i + j)
y = ((7 * np.arange(N)) % 3 == 0).astype(np.float64)
W0 = 0.5 * np.cos(1.0 + np.arange(D))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def epoch(batch_size, per_rows):
    W = W0.copy()
    b = B0
    for start in range(0, len(X), batch_size):
        batch_X = X[start:start + batch_size]
        batch_y = y[start:start + batch_size]
        z = np.dot(batch_X, W) + b
        pred = sigmoid(z)
        error = pred - batch_y
        divisor = len(batch_X) if per_rows else batch_size
        dW = np.dot(batch_X.T, error) / divisor
        db = np.mean(error)
        W -= LR * dW
        b -= LR * db
    return W, b


np.set_printoptions(precision=17)
for batch_size in (1, 5, 7, 23):
    W, b = epoch(batch_size, per_rows=True)
    print(f"per_rows B={batch_size}: W={[repr(float(v)) for v in W]} b={b!r}")
W, b = epoch(5, per_rows=False)
print(f"tutorial B=5: W={[repr(float(v)) for v in W]} b={b!r}")
