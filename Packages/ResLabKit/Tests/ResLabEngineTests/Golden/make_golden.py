#!/usr/bin/env python3
"""Writes golden.json: reference results for the engine's tests, computed with NumPy alone.

Run from this folder: `python3 make_golden.py`. Convolution, pooling and batch norm have no NumPy
function, so they are written here as direct loops over the definitions (TensorFlow's SAME rule:
total padding max((ceil(in/s) - 1)·s + k - in, 0), the smaller half at the top/left), independent
of the engine's im2col/GEMM route. Every input is drawn from a seeded NumPy generator and stored
in the file, so the Swift tests read inputs and expected outputs from the same place.
"""
import json
import math

import numpy as np

rng = np.random.default_rng(20240601)


def rand(*shape, low=-1.0, high=1.0):
    return rng.uniform(low, high, size=shape).astype(np.float32)


def enc(a):
    """Shape and row-major data; JSON has no NaN or infinity, so those are written as strings."""
    a = np.asarray(a, dtype=np.float32)
    data = [float(v) if np.isfinite(v) else str(v) for v in a.reshape(-1)]
    return {"shape": list(a.shape), "data": data}


def same_padding(extent, k, s):
    out = math.ceil(extent / s)
    total = max((out - 1) * s + k - extent, 0)
    return out, total // 2, total - total // 2


def windows(x_shape, k, s, padding):
    """Output size and top/left padding of a window op, per TensorFlow."""
    _, h, w, _ = x_shape
    if padding == "valid":
        return (h - k[0]) // s[0] + 1, (w - k[1]) // s[1] + 1, 0, 0
    oh, top, _ = same_padding(h, k[0], s[0])
    ow, left, _ = same_padding(w, k[1], s[1])
    return oh, ow, top, left


def conv2d(x, f, s, padding):
    n, h, w, c = x.shape
    kh, kw, _, o = f.shape
    oh, ow, top, left = windows(x.shape, (kh, kw), s, padding)
    x64, f64 = x.astype(np.float64), f.astype(np.float64)
    y = np.zeros((n, oh, ow, o))
    for i in range(oh):
        for j in range(ow):
            for a in range(kh):
                for b in range(kw):
                    ih, iw = i * s[0] + a - top, j * s[1] + b - left
                    if 0 <= ih < h and 0 <= iw < w:
                        y[:, i, j, :] += x64[:, ih, iw, :] @ f64[a, b]
    return y


def conv2d_grads(x, f, s, padding, dy):
    """dX and dW of sum(conv2d(x, f) * dy), by the same loops run backwards."""
    n, h, w, c = x.shape
    kh, kw, _, o = f.shape
    oh, ow, top, left = windows(x.shape, (kh, kw), s, padding)
    x64, f64, dy64 = x.astype(np.float64), f.astype(np.float64), dy.astype(np.float64)
    dx, df = np.zeros(x.shape), np.zeros(f.shape)
    for i in range(oh):
        for j in range(ow):
            for a in range(kh):
                for b in range(kw):
                    ih, iw = i * s[0] + a - top, j * s[1] + b - left
                    if 0 <= ih < h and 0 <= iw < w:
                        dx[:, ih, iw, :] += dy64[:, i, j, :] @ f64[a, b].T
                        df[a, b] += x64[:, ih, iw, :].T @ dy64[:, i, j, :]
    return dx, df


def pool(x, k, s, padding, kind):
    n, h, w, c = x.shape
    oh, ow, top, left = windows(x.shape, k, s, padding)
    y = np.zeros((n, oh, ow, c))
    for i in range(oh):
        for j in range(ow):
            r0, c0 = i * s[0] - top, j * s[1] - left
            win = x[:, max(r0, 0):min(r0 + k[0], h), max(c0, 0):min(c0 + k[1], w), :].astype(np.float64)
            y[:, i, j, :] = win.max(axis=(1, 2)) if kind == "max" else win.mean(axis=(1, 2))
    return y


golden = {}

# Broadcasting arithmetic.
a, b = rand(3, 1), rand(1, 4)
golden["add_3x1_1x4"] = {"a": enc(a), "b": enc(b), "out": enc(a + b)}
a, b = rand(2, 3, 4), rand(4)
golden["multiply_2x3x4_4"] = {"a": enc(a), "b": enc(b), "out": enc(a * b)}
a, b = rand(2, 1, 4), rand(3, 1)
golden["subtract_2x1x4_3x1"] = {"a": enc(a), "b": enc(b), "out": enc(a - b)}
a, b = rand(2, 3), rand(3, low=0.5, high=2.0)
golden["divide_2x3_3"] = {"a": enc(a), "b": enc(b), "out": enc(a / b)}
a, b = rand(2, 3, low=0.5, high=2.0), rand(2, 1)
golden["pow_2x3_2x1"] = {"a": enc(a), "b": enc(b), "out": enc(np.power(a, b))}
a, b = rand(4, 1), rand(3)
golden["maximum_4x1_3"] = {"a": enc(a), "b": enc(b), "out": enc(np.maximum(a, b))}

# Reductions.
x = rand(2, 3, 4)
golden["reductions"] = {
    "x": enc(x),
    "sum_0_2_keep": enc(x.astype(np.float64).sum(axis=(0, 2), keepdims=True)),
    "mean_1": enc(x.astype(np.float64).mean(axis=1)),
    "max_last": enc(x.max(axis=-1)),
    "variance_0_1": enc(x.astype(np.float64).var(axis=(0, 1))),
    "argmax_1": enc(x.argmax(axis=1)),
}

# Softmax: logits with a large offset, which a naive exp would overflow.
x = rand(3, 5, low=-3, high=3) + np.float32(1000)
x64 = x.astype(np.float64)
e = np.exp(x64 - x64.max(axis=-1, keepdims=True))
golden["softmax_last"] = {"x": enc(x), "out": enc(e / e.sum(axis=-1, keepdims=True))}
x = rand(4, 3, low=-5, high=5)
x64 = x.astype(np.float64)
m = x64.max(axis=0, keepdims=True)
golden["log_softmax_axis0"] = {"x": enc(x), "out": enc(x64 - m - np.log(np.exp(x64 - m).sum(axis=0, keepdims=True)))}

# Matrix products.
a, b = rand(3, 4), rand(4, 5)
golden["matmul"] = {"a": enc(a), "b": enc(b), "out": enc(a.astype(np.float64) @ b)}
a, b = rand(4, 3), rand(5, 4)
golden["matmul_both_transposed"] = {"a": enc(a), "b": enc(b), "out": enc(a.T.astype(np.float64) @ b.T)}
a, b = rand(2, 3, 4), rand(4, 5)
golden["matmul_batched_matrix"] = {"a": enc(a), "b": enc(b), "out": enc(a.astype(np.float64) @ b)}
a, b = rand(2, 3, 4), rand(2, 5, 4)
golden["matmul_batched_rhs_transposed"] = {"a": enc(a), "b": enc(b), "out": enc(a.astype(np.float64) @ b.transpose(0, 2, 1))}

# Convolutions: (name, input shape, filter shape, strides, padding).
conv_cases = [
    ("conv_3x3_valid_s1", (2, 7, 6, 3), (3, 3, 3, 4), (1, 1), "valid"),
    ("conv_3x3_same_s1", (2, 6, 5, 3), (3, 3, 3, 4), (1, 1), "same"),
    ("conv_3x3_same_s2", (2, 7, 6, 3), (3, 3, 3, 4), (2, 2), "same"),
    ("conv_2x2_same_s1_even", (1, 5, 4, 2), (2, 2, 2, 3), (1, 1), "same"),
    ("conv_4x4_same_s3_even", (2, 9, 8, 2), (4, 4, 2, 3), (3, 3), "same"),
    ("conv_7x7_valid_s2", (1, 13, 12, 3), (7, 7, 3, 2), (2, 2), "valid"),
    ("conv_1x1_s1", (2, 4, 3, 5), (1, 1, 5, 3), (1, 1), "valid"),
    ("conv_1x1_same_s2", (2, 5, 5, 4), (1, 1, 4, 3), (2, 2), "same"),
    ("conv_3x2_same_s2x1", (1, 6, 5, 2), (3, 2, 2, 2), (2, 1), "same"),
]
for name, xs, fs, s, padding in conv_cases:
    x, f = rand(*xs), rand(*fs)
    y = conv2d(x, f, s, padding)
    dy = rand(*y.shape)
    dx, df = conv2d_grads(x, f, s, padding, dy)
    golden[name] = {"x": enc(x), "filter": enc(f), "strides": list(s), "padding": padding,
                    "out": enc(y), "dy": enc(dy), "dx": enc(dx), "dfilter": enc(df)}

# Pooling: (name, kind, input shape, window, strides, padding).
pool_cases = [
    ("maxpool_3x3_s2_valid", "max", (2, 7, 7, 3), (3, 3), (2, 2), "valid"),
    ("maxpool_3x3_s2_same", "max", (2, 6, 7, 2), (3, 3), (2, 2), "same"),
    ("avgpool_2x2_s2_same_odd", "avg", (1, 5, 5, 2), (2, 2), (2, 2), "same"),
    ("avgpool_3x3_s1_same", "avg", (2, 4, 5, 3), (3, 3), (1, 1), "same"),
    ("avgpool_2x2_s2_valid", "avg", (2, 4, 4, 3), (2, 2), (2, 2), "valid"),
]
for name, kind, xs, k, s, padding in pool_cases:
    x = rand(*xs)
    golden[name] = {"x": enc(x), "window": list(k), "strides": list(s), "padding": padding,
                    "out": enc(pool(x, k, s, padding, kind))}

# Batch normalisation over N, H, W (channel axis last), epsilon 1e-3 as Keras.
eps = 1e-3
x = rand(3, 4, 2, 5, low=-2, high=3)
gamma, beta = rand(5, low=0.5, high=1.5), rand(5)
mean, var = rand(5), rand(5, low=0.5, high=2.0)
x64 = x.astype(np.float64)
golden["batchnorm_inference"] = {"x": enc(x), "mean": enc(mean), "variance": enc(var), "offset": enc(beta), "scale": enc(gamma),
                                 "out": enc((x64 - mean) / np.sqrt(var.astype(np.float64) + eps) * gamma + beta)}
bm, bv = x64.mean(axis=(0, 1, 2)), x64.var(axis=(0, 1, 2))
m = x.size // x.shape[-1]
xhat = (x64 - bm) / np.sqrt(bv + eps)
dy = rand(*x.shape).astype(np.float64)
# Gradients of sum(y * dy) by the textbook formulas for training-mode batch norm.
dbeta, dgamma = dy.sum(axis=(0, 1, 2)), (dy * xhat).sum(axis=(0, 1, 2))
dx = gamma / np.sqrt(bv + eps) * (dy - dbeta / m - xhat * dgamma / m)
golden["batchnorm_training"] = {"x": enc(x), "offset": enc(beta), "scale": enc(gamma),
                                "out": enc(xhat * gamma + beta), "mean": enc(bm),
                                "unbiased_variance": enc(x64.var(axis=(0, 1, 2), ddof=1)),
                                "dy": enc(dy), "dx": enc(dx), "doffset": enc(dbeta), "dscale": enc(dgamma)}

# NumPy's printing (str) of float32 arrays.
printing = {
    "integers_2x2": np.array([[1, 2], [3, 4]], dtype=np.float32),
    "fractions": np.array([0.1, 0.25, -3.0], dtype=np.float32),
    "column": np.array([[1.0], [2.0]], dtype=np.float32),
    "scientific_small": np.array([1.5e-5, 1.0, -2.0], dtype=np.float32),
    "scientific_large": np.array([[1e9, 2.5], [3.0, -4.0]], dtype=np.float32),
    "rank3": np.arange(12, dtype=np.float32).reshape(2, 2, 3) / np.float32(4),
    "rank4": np.arange(16, dtype=np.float32).reshape(2, 2, 2, 2) - np.float32(8),
    "nonfinite": np.array([np.nan, 1.5, -np.inf, np.inf], dtype=np.float32),
    "wrapped": np.arange(30, dtype=np.float32) * np.float32(1.25),
    "summarised": np.arange(2000, dtype=np.float32).reshape(40, 50),
    "summarised_rank3": np.arange(1200, dtype=np.float32).reshape(12, 10, 10) / np.float32(3),
    "thirds": np.array([1, 2, 3], dtype=np.float32) / np.float32(3),
}
golden["printing"] = {name: {"array": enc(a), "str": str(a)} for name, a in printing.items()}

with open("golden.json", "w") as out:
    json.dump(golden, out, allow_nan=False)
