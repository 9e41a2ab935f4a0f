"""The numbers lessons 02 and 06 show, computed independently with NumPy (float32).

Run: python3 lessons/tools/residual_block_numbers.py
Lesson 02's cells and tests quote the printed values; lesson 06's counts are printed last.
"""
import numpy as np

f32 = np.float32
relu = lambda v: np.maximum(v, f32(0))

# Lesson 02: the block on one example (a[l] comes out of a ReLU, so it is non-negative).
aL = np.array([[1.0], [2.0], [0.5]], f32)
W1 = np.array([[0.5, -1.0, 0.2], [1.0, 0.5, -0.5], [-0.3, 0.8, 1.0]], f32)
b1 = np.array([[0.1], [-0.2], [0.0]], f32)
W2 = np.array([[1.0, -0.5, 0.2], [-1.0, 0.4, -0.6], [0.3, -0.9, 0.5]], f32)
b2 = np.array([[0.0], [0.1], [-0.2]], f32)

z1 = W1 @ aL + b1
a1 = relu(z1)
z2 = W2 @ a1 + b2
print("z[l+1]", z1.ravel())
print("a[l+1]", a1.ravel())
print("z[l+2]", z2.ravel())
print("a[l+2] plain", relu(z2).ravel())
print("a[l+2] residual", relu(z2 + aL).ravel())

# The exercise's hidden test: another block, seeded values written out here.
aH = np.array([[0.0], [1.5], [0.25], [3.0]], f32)
W1H = np.array([[0.2, -0.4, 1.0, 0.1], [-0.7, 0.3, 0.5, -0.2], [0.6, 0.6, -0.1, 0.4]], f32)
b1H = np.array([[0.05], [0.1], [-0.3]], f32)
W2H = np.array([[0.3, -0.2, 0.5], [-0.6, 0.1, 0.2], [0.4, 0.9, -0.3], [-0.5, -0.5, 0.7]], f32)
b2H = np.array([[-0.1], [0.2], [0.0], [0.3]], f32)
print("hidden a[l+2]", relu(W2H @ relu(W1H @ aH + b1H) + b2H + aH).ravel())

# The projection W_s when sizes differ: a[l] of 3 units, a[l+2] of 4.
Ws = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.5, 0.5, 0.5]], f32)
W2P = np.vstack([W2, np.array([[0.2, 0.1, -0.4]], f32)])
b2P = np.vstack([b2, np.array([[0.0]], f32)])
z2P = W2P @ a1 + b2P
print("projected z[l+2]", z2P.ravel(), "W_s a[l]", (Ws @ aL).ravel(), "a[l+2]", relu(z2P + Ws @ aL).ravel())
print("W_s 256x128 parameters", 256 * 128)

# Lesson 06: 1x1 convolutions and the bottleneck.
print("1x1 conv 192->32 parameters", 192 * 32 + 32)
print("5x5 conv 192->32 multiplies", 28 * 28 * 32 * 5 * 5 * 192)
print("1x1 192->16 multiplies", 28 * 28 * 16 * 192, "5x5 16->32 multiplies", 28 * 28 * 32 * 5 * 5 * 16,
      "total", 28 * 28 * 16 * 192 + 28 * 28 * 32 * 5 * 5 * 16)
conv = lambda k, cin, cout: k * k * cin * cout + cout
bn = lambda c: 4 * c
block = conv(1, 256, 64) + bn(64) + conv(3, 64, 64) + bn(64) + conv(1, 64, 256) + bn(256)
print("bottleneck identity block 256-64-64-256 parameters", block)
print("two 3x3 convs 256->256 parameters", 2 * conv(3, 256, 256) + 2 * bn(256))
print("bottleneck multiplies at 15x15", 15 * 15 * (256 * 64 + 9 * 64 * 64 + 64 * 256),
      "two 3x3 at 15x15", 15 * 15 * 2 * 9 * 256 * 256)
