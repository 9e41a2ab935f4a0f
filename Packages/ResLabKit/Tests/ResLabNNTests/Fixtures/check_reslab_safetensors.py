#!/usr/bin/env python3
"""Checks, with Python's `safetensors` package, a safetensors file that ResLab wrote.

ResLabNN's SafeTensorsTests write EXPECTED_TENSORS (in name order) with EXPECTED_METADATA and
run this script on the result when python3, numpy and safetensors are importable:

    python3 check_reslab_safetensors.py FILE      # exit 0 and "ok" when the file matches

make_fixtures.py saves the same tensors with safetensors itself as reslab_expected.safetensors,
which the test compares byte for byte when Python is not available.
"""
import sys

import numpy as np

EXPECTED_TENSORS = {
    "block1.bn.moving_variance": np.array([1.0, 0.5], dtype=np.float32),
    "block1.conv.kernel": (np.arange(12, dtype=np.float32) / 4).reshape(1, 2, 2, 3),
    "dense.kernel": np.array([[-1.5, 2.0], [0.25, 8.0]], dtype=np.float32),
}
EXPECTED_METADATA = {"format": "reslab"}


def main(path):
    from safetensors import safe_open
    from safetensors.numpy import load_file

    tensors = load_file(path)
    if sorted(tensors) != sorted(EXPECTED_TENSORS):
        return f"names {sorted(tensors)} != {sorted(EXPECTED_TENSORS)}"
    for name, expected in EXPECTED_TENSORS.items():
        actual = tensors[name]
        if actual.dtype != np.float32 or actual.shape != expected.shape or not np.array_equal(actual, expected):
            return f"{name}: {actual.dtype} {actual.shape} {actual.tolist()} != {expected.tolist()}"
    with safe_open(path, framework="np") as f:
        if f.metadata() != EXPECTED_METADATA:
            return f"metadata {f.metadata()} != {EXPECTED_METADATA}"
    return None


if __name__ == "__main__":
    problem = main(sys.argv[1])
    print(problem or "ok")
    sys.exit(1 if problem else 0)
