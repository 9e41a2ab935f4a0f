#!/usr/bin/env python3
"""Writes the small fixture files that ResLabNN's data and checkpoint tests read.

Every file is made by the reference tool for its format (numpy for .npy/.npz, h5py for HDF5,
the `safetensors` package for safetensors), so the tests check ResLab against them, not against
itself. The values are small and exactly representable, so the tests state them literally.

    pip install numpy h5py safetensors
    python3 make_fixtures.py          # run from this folder; rewrites the fixtures
"""
import os

import h5py
import numpy as np
from safetensors.numpy import save_file

HERE = os.path.dirname(os.path.abspath(__file__))


def path(*parts):
    full = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def npy_files():
    np.save(path("npy", "f4_2x3.npy"), (np.arange(6, dtype=np.float32) / 4).reshape(2, 3))
    np.save(path("npy", "f8_3.npy"), np.array([0.5, -1.25, 1e-3], dtype="<f8"))
    np.save(path("npy", "u1_2x2.npy"), np.array([[0, 1], [254, 255]], dtype=np.uint8))
    np.save(path("npy", "i8_4.npy"), np.array([-3, 0, 7, 2**40], dtype="<i8"))
    np.save(path("npy", "i4_2x2.npy"), np.array([[-1, 2], [3, -4]], dtype="<i4"))
    np.save(path("npy", "f4_scalar.npy"), np.float32(2.5))
    np.save(path("npy", "f4_empty.npy"), np.zeros((0, 3), dtype=np.float32))
    with open(path("npy", "v2_f4.npy"), "wb") as f:
        np.lib.format.write_array(f, np.array([1.5, 2.5], dtype=np.float32), version=(2, 0))
    np.save(path("npy", "fortran_f4.npy"), np.asfortranarray((np.arange(6, dtype=np.float32)).reshape(2, 3)))
    np.save(path("npy", "big_endian_f4.npy"), np.array([1, 2], dtype=">f4"))
    np.save(path("npy", "bool.npy"), np.array([True, False]))


def keras_archives():
    x_train = np.arange(6 * 5 * 4, dtype=np.uint8).reshape(6, 5, 4)
    y_train = np.array([0, 1, 2, 0, 1, 2], dtype=np.uint8)
    x_test = (255 - np.arange(3 * 5 * 4)).astype(np.uint8).reshape(3, 5, 4)
    y_test = np.array([2, 1, 0], dtype=np.uint8)
    np.savez(path("npz", "keras_stored.npz"), x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    np.savez_compressed(path("npz", "keras_deflated.npz"), x_train=x_train, y_train=y_train,
                        x_test=x_test, y_test=y_test)
    # Colour images already in floats, labels as a column of int64 (Keras' CIFAR layout).
    rgb = (np.arange(4 * 3 * 2 * 3, dtype=np.float32) / 100).reshape(4, 3, 2, 3)
    np.savez(path("npz", "rgb_float.npz"), x_train=rgb[:3], y_train=np.array([[3], [0], [1]], dtype=np.int64),
             x_test=rgb[3:], y_test=np.array([[2]], dtype=np.int64))
    np.savez(path("npz", "no_test.npz"), x_train=x_train, y_train=y_train)


def signs_files():
    images = (np.arange(6 * 8 * 8 * 3) % 256).astype(np.uint8).reshape(6, 8, 8, 3)
    with h5py.File(path("hdf5", "small_signs.h5"), "w") as f:
        f["train_set_x"] = images
        f["train_set_y"] = np.array([5, 4, 3, 2, 1, 0], dtype=np.int64)
        f["list_classes"] = np.arange(6, dtype=np.int64)
    with h5py.File(path("hdf5", "mislabelled_signs.h5"), "w") as f:
        f["test_set_x"] = images[:4]
        f["test_set_y"] = np.array([0, 1, 2], dtype=np.int64)
        f["list_classes"] = np.arange(6, dtype=np.int64)
    with h5py.File(path("hdf5", "label_out_of_range_signs.h5"), "w") as f:
        f["test_set_x"] = images[:2]
        f["test_set_y"] = np.array([0, 6], dtype=np.int64)
        f["list_classes"] = np.arange(6, dtype=np.int64)


def safetensors_files():
    tensors = {
        "conv1.kernel": (np.arange(24, dtype=np.float32) / 8).reshape(2, 3, 2, 2),
        "bn1.gamma": np.array([1.5, -2.25, 3.0], dtype=np.float32),
        "dense.bias": np.zeros((0,), dtype=np.float32),
        "step": np.array(7, dtype=np.float32),
    }
    save_file(tensors, path("safetensors", "python_f32.safetensors"), metadata={"format": "np", "source": "make_fixtures.py"})
    save_file({"double": np.array([0.1, -2.5], dtype=np.float64), "half": np.array([[1.0, -0.5], [65504.0, 2.0 ** -24]], dtype=np.float16)},
              path("safetensors", "python_f64_f16.safetensors"))
    save_file({"counts": np.array([1, 2, 3], dtype=np.int64)}, path("safetensors", "python_i64.safetensors"))


if __name__ == "__main__":
    npy_files()
    keras_archives()
    signs_files()
    safetensors_files()
