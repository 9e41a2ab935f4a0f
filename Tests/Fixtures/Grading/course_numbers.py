"""The expected values in lessons/03-identity-and-convolutional-blocks(.hidden).md, computed with
NumPy alone (no ResLab, no Keras), following course-spec.md's definitions of the two blocks.

Input X: three 4x4x3 images filled with -1, 1 and 3 (the course's test input). Every convolution
kernel is the constant 1 (Keras' `constant(value=1)`), biases 0. Batch normalisation: epsilon
0.001, gamma 1, beta 0; training=False uses the initial moving mean 0 and variance 1; training=True
the batch's mean and biased variance over N, H, W. `same` padding puts the extra row and column of
an even kernel at the bottom and right, as TensorFlow does.

Run: python3 course_numbers.py
"""
import numpy as np

EPS = 1e-3


def conv2d(x, filters, k, stride, padding):
    n, h, w, c = x.shape
    if padding == "same":
        out_h, out_w = -(-h // stride), -(-w // stride)
        pad_h = max((out_h - 1) * stride + k - h, 0)
        pad_w = max((out_w - 1) * stride + k - w, 0)
        x = np.pad(x, ((0, 0), (pad_h // 2, pad_h - pad_h // 2), (pad_w // 2, pad_w - pad_w // 2), (0, 0)))
    else:
        out_h, out_w = (h - k) // stride + 1, (w - k) // stride + 1
    kernel = np.ones((k, k, c, filters), dtype=np.float64)
    out = np.zeros((n, out_h, out_w, filters))
    for i in range(out_h):
        for j in range(out_w):
            patch = x[:, i * stride:i * stride + k, j * stride:j * stride + k, :]
            out[:, i, j, :] = np.tensordot(patch, kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out


def batch_norm(x, training):
    if training:
        mean = x.mean(axis=(0, 1, 2))
        var = x.var(axis=(0, 1, 2))
    else:
        mean, var = 0.0, 1.0
    return (x - mean) / np.sqrt(var + EPS)


def relu(x):
    return np.maximum(x, 0)


def identity_block(x, f, filters, training):
    f1, f2, f3 = filters
    y = relu(batch_norm(conv2d(x, f1, 1, 1, "valid"), training))
    y = relu(batch_norm(conv2d(y, f2, f, 1, "same"), training))
    y = batch_norm(conv2d(y, f3, 1, 1, "valid"), training)
    return relu(y + x)


def convolutional_block(x, f, filters, s, training):
    f1, f2, f3 = filters
    y = relu(batch_norm(conv2d(x, f1, 1, s, "valid"), training))
    y = relu(batch_norm(conv2d(y, f2, f, 1, "same"), training))
    y = batch_norm(conv2d(y, f3, 1, 1, "valid"), training)
    shortcut = batch_norm(conv2d(x, f3, 1, s, "valid"), training)
    return relu(y + shortcut)


X = np.concatenate([np.full((1, 4, 4, 3), v, dtype=np.float64) for v in (-1, 1, 3)])
np.set_printoptions(precision=5, suppress=True, linewidth=120)

print("identity block, filters [4, 4, 3], training=False: channel means of rows 0 and 3")
m = identity_block(X, 2, [4, 4, 3], False).mean(axis=3)
print(m[:, 0, :], m[:, 3, :], sep="\n")
print("identity block, filters [3, 3, 3], training=True: channel means of rows 0 and 3")
m = identity_block(X, 2, [3, 3, 3], True).mean(axis=3)
print(m[:, 0, :], m[:, 3, :], sep="\n")

for training in (False, True):
    out = convolutional_block(X, 2, [2, 4, 6], 2, training)
    print(f"convolutional block, filters [2, 4, 6], s=2, training={training}: shape {out.shape}")
    print("channel means:")
    print(out.mean(axis=3))
