"""numpy peer of the BatchTutorial benchmark: the tutorial loop over X[i:i+B] in numpy.

Run by the benchmark (bench/BatchTutorial.Bench) with Debian's /usr/bin/python3 and python3-numpy:

    /usr/bin/python3 numpy_peer.py X.f64 y.f64 N D B[,B...] [--min-seconds S] [--max-epochs K]

X.f64 and y.f64 are raw little-endian float64 files (X row-major, N x D). B may be "N" for the full batch.
For each B it prints one JSON line: {"batch": B, "seconds": [...], "loss": ..., "w": [...], "b": ...}, where w and b
are the weights after the first epoch from W = 0, b = 0 (to check that numpy computes the same update) and
"seconds" are the timed epochs. The first epoch is untimed warm-up unless it took longer than 3 s.
"""
import json
import sys
import time

import numpy as np


def sigmoid(z):
    # The library's stable form: exp of a non-positive number only.
    t = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, t) / (1.0 + t)


def epoch(X, y, W, b, lr, B):
    n = X.shape[0]
    for i in range(0, n, B):
        Xb = X[i:i + B]
        yb = y[i:i + B]
        z = Xb @ W + b
        e = sigmoid(z) - yb
        m = Xb.shape[0]
        W -= lr * (Xb.T @ e) / m
        b -= lr * e.sum() / m
    return W, b


def log_loss(X, y, W, b):
    z = X @ W + b
    return float(np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))))


def main(argv):
    x_path, y_path, n, d, batches = argv[0], argv[1], int(argv[2]), int(argv[3]), argv[4].split(",")
    min_seconds = float(argv[argv.index("--min-seconds") + 1]) if "--min-seconds" in argv else 1.0
    max_epochs = int(argv[argv.index("--max-epochs") + 1]) if "--max-epochs" in argv else 25
    X = np.fromfile(x_path, dtype="<f8").reshape(n, d)
    y = np.fromfile(y_path, dtype="<f8")
    lr = 0.1
    for name in batches:
        B = n if name == "N" else int(name)
        W, b = np.zeros(d), 0.0
        started = time.perf_counter()
        W, b = epoch(X, y, W, b, lr, B)
        first = time.perf_counter() - started
        first_w, first_b, loss = W.tolist(), b, log_loss(X, y, W, b)
        seconds = [first] if first > 3.0 else []
        timed = 0.0
        while len(seconds) < 5 or (timed < min_seconds and len(seconds) < max_epochs):
            if len(seconds) >= 1 and first > 3.0:
                break
            started = time.perf_counter()
            W, b = epoch(X, y, W, b, lr, B)
            seconds.append(time.perf_counter() - started)
            timed += seconds[-1]
        print(json.dumps({"batch": name, "seconds": seconds, "loss": loss, "w": first_w, "b": first_b,
                          "numpy": np.__version__}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
