"""Computes, independently of ResLab, what `reslab run example.swift` must print: the two
`scalars` arrays (NumPy in float32, formatted as Swift prints a [Float]), `true`, the shape of
the identity block's output, and the parameter counts of the model's summary (from the layer
formulas). Writes example.expected; run it from this folder: python3 make_expected.py"""
import numpy as np

f32 = np.float32
aL = np.array([[1.0], [-2.0], [0.5]], dtype=f32)
W1 = np.array([[0.2, -0.5, 0.1], [0.4, 0.3, -0.2], [-0.3, 0.8, 0.5]], dtype=f32)
b1 = np.array([[0.1], [0.0], [-0.1]], dtype=f32)
W2 = np.array([[0.5, -0.4, 0.2], [-0.1, 0.6, 0.3], [0.2, 0.1, -0.7]], dtype=f32)
b2 = np.array([[0.0], [0.2], [0.1]], dtype=f32)

relu = lambda x: np.maximum(x, f32(0))
z1 = W1 @ aL + b1
a1 = relu(z1)
z2 = W2 @ a1 + b2
plain = relu(z2)
residual = relu(z2 + aL)


def swift_float(value):
    """Swift's description of a Float: the shortest digits that round-trip, at least one decimal."""
    text = np.format_float_positional(f32(value), unique=True, trim="0")
    return text + "0" if text.endswith(".") else text


def swift_array(values):
    return "[" + ", ".join(swift_float(v) for v in values.ravel()) + "]"


pass_through = relu(np.zeros((3, 3), f32) @ a1 + np.zeros((3, 1), f32) + relu(aL))

# identityBlock(f: 3, filters: [2, 4, 6]) on (None, 8, 8, 6), then Flatten and Dense(3).
def conv(k, cin, cout):
    return k * k * cin * cout + cout

trainable = conv(1, 6, 2) + conv(3, 2, 4) + conv(1, 4, 6)   # kernels and biases
trainable += 2 * (2 + 4 + 6)                                 # batch norm gamma and beta
trainable += 8 * 8 * 6 * 3 + 3                               # Dense(3) on 384 features
non_trainable = 2 * (2 + 4 + 6)                              # moving mean and variance
lines = [
    swift_array(plain),
    swift_array(residual),
    "true" if np.array_equal(pass_through, relu(aL)) else "false",
    "[3, 4, 4, 6]",  # identityBlock keeps its input's shape
    f"Total params: {trainable + non_trainable:,}",
    f"Trainable params: {trainable:,}",
    f"Non-trainable params: {non_trainable:,}",
]
with open("example.expected", "w") as out:
    out.write("\n".join(lines) + "\n")
print("\n".join(lines))
