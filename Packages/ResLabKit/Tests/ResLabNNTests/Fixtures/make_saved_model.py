#!/usr/bin/env python3
"""Writes saved models in ResLab's format with numpy and safetensors alone, and checks one that
ResLab wrote.

A ResLab saved model is one safetensors file: every weight under its `layer/weight` name and, in
the header's `__metadata__`, the model's architecture as JSON under `architecture` (see
Model+Architecture.swift). This script writes, for one small model

    Input 8×8×3 → Conv2D(4, 3×3, strides 2, "same", bias) → BatchNormalization(axis 3)
                → ReLU → GlobalAveragePooling2D → Dense(3) (logits)

with fixed weights, the same model twice, as a functional model and as a Sequential:

    saved_model/python_functional.safetensors
    saved_model/python_sequential.safetensors
    saved_model/expected.json      # a fixed input batch and the model's output for it

The output is computed here in float64 with numpy, by `run` below, which reads the layers and
their settings from the architecture JSON and applies each as Keras defines it: Conv2D is a
cross-correlation with TensorFlow's "same" padding (for stride 2 on 8 pixels: none before,
one after), BatchNormalization infers with its moving statistics,
(x − moving_mean) / √(moving_variance + epsilon) · gamma + beta, as `predict` does.
ModelFileTests loads both files with `Model.load(from:)` and compares its predictions with
expected.json, so ResLab is checked against this script, not against itself.

    pip install numpy safetensors
    python3 make_saved_model.py              # run from anywhere; rewrites the three files
    python3 make_saved_model.py --check FILE # exit 0 and "ok" when FILE, written by ResLab's
                                             # save(to:), holds this model and predicts the same
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "saved_model")
EXPECTED = os.path.join(FOLDER, "expected.json")


def initializer(class_name, **config):
    return {"class_name": class_name, "config": config}


# Each layer's class and config as ResLab writes them (LayerConfig.swift), without the name.
CONV = ("Conv2D", {"filters": 4, "kernel_size": [3, 3], "strides": [2, 2], "padding": "same",
                   "activation": "linear", "use_bias": True, "trainable": True,
                   "kernel_initializer": initializer("GlorotUniform", seed=None),
                   "bias_initializer": initializer("Zeros")})
BATCH_NORM = ("BatchNormalization", {"axis": 3, "momentum": 0.99, "epsilon": 0.001, "center": True,
                                     "scale": True, "trainable": True,
                                     "beta_initializer": initializer("Zeros"),
                                     "gamma_initializer": initializer("Ones"),
                                     "moving_mean_initializer": initializer("Zeros"),
                                     "moving_variance_initializer": initializer("Ones")})
RELU = ("ReLU", {"trainable": True})
POOL = ("GlobalAveragePooling2D", {"trainable": True})
DENSE = ("Dense", {"units": 3, "activation": "linear", "use_bias": True, "trainable": True,
                   "kernel_initializer": initializer("GlorotUniform", seed=None),
                   "bias_initializer": initializer("Zeros")})
CHAIN = [("conv", CONV), ("bn", BATCH_NORM), ("relu", RELU), ("pool", POOL), ("logits", DENSE)]
INPUT_SHAPE = [8, 8, 3]


def entry(name, layer):
    class_name, config = layer
    return {"class_name": class_name, "name": name, "config": dict(config, name=name)}


def input_entry(name):
    return {"class_name": "InputLayer", "name": name,
            "config": {"batch_shape": [None] + INPUT_SHAPE, "name": name, "trainable": True}}


def functional_architecture():
    layers = [dict(input_entry("image"), inbound_nodes=[])]
    previous = "image"
    for name, layer in CHAIN:
        layers.append(dict(entry(name, layer), inbound_nodes=[{"args": [[previous, 0, 0]], "training": None}]))
        previous = name
    return {"class_name": "Functional", "format": "ResLab architecture", "version": 1,
            "config": {"name": "python_functional", "trainable": True, "layers": layers,
                       "input_layers": [["image", 0, 0]], "output_layers": [[previous, 0, 0]]}}


def sequential_architecture():
    # ResLab names a Sequential's input after its first layer.
    layers = [input_entry("conv_input")] + [entry(name, layer) for name, layer in CHAIN]
    return {"class_name": "Sequential", "format": "ResLab architecture", "version": 1,
            "config": {"name": "python_sequential", "trainable": True, "layers": layers}}


def weights():
    """Fixed float32 weights under ResLab's names: HWIO kernels, [in, out] for Dense."""
    rng = np.random.default_rng(7)
    f32 = np.float32
    return {
        "conv/kernel": (rng.standard_normal((3, 3, 3, 4)) * 0.4).astype(f32),
        "conv/bias": (rng.standard_normal(4) * 0.1).astype(f32),
        "bn/gamma": rng.uniform(0.5, 1.5, 4).astype(f32),
        "bn/beta": (rng.standard_normal(4) * 0.2).astype(f32),
        "bn/moving_mean": (rng.standard_normal(4) * 0.3).astype(f32),
        "bn/moving_variance": rng.uniform(0.4, 2.0, 4).astype(f32),
        "logits/kernel": (rng.standard_normal((4, 3)) * 0.7).astype(f32),
        "logits/bias": np.array([0.1, -0.2, 0.05], dtype=f32),
    }


def test_input():
    """Two 8×8×3 images, float32, with no randomness."""
    return np.sin(np.arange(2 * 8 * 8 * 3) * 0.37).astype(np.float32).reshape(2, 8, 8, 3)


def same_padding(size, kernel, stride):
    """TensorFlow's "same": out = ⌈size / stride⌉; the odd padding pixel goes after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def conv2d(x, kernel, bias, strides, padding):
    kh, kw, _, filters = kernel.shape
    sh, sw = strides
    if padding == "same":
        x = np.pad(x, ((0, 0), same_padding(x.shape[1], kh, sh), same_padding(x.shape[2], kw, sw), (0, 0)))
    oh, ow = (x.shape[1] - kh) // sh + 1, (x.shape[2] - kw) // sw + 1
    out = np.zeros((x.shape[0], oh, ow, filters))
    for i in range(oh):
        for j in range(ow):
            window = x[:, i * sh:i * sh + kh, j * sw:j * sw + kw, :]
            out[:, i, j, :] = np.tensordot(window, kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out + (bias if bias is not None else 0)


def activation(x, name):
    if name == "linear":
        return x
    if name == "relu":
        return np.maximum(x, 0)
    raise ValueError(f"activation {name} is not used here")


def apply(class_name, config, name, x, tensors):
    w = lambda weight: tensors[f"{name}/{weight}"].astype(np.float64)
    if class_name == "Conv2D":
        bias = w("bias") if config["use_bias"] else None
        return activation(conv2d(x, w("kernel"), bias, config["strides"], config["padding"]), config["activation"])
    if class_name == "BatchNormalization":
        assert config["axis"] in (3, -1)
        return (x - w("moving_mean")) / np.sqrt(w("moving_variance") + config["epsilon"]) * w("gamma") + w("beta")
    if class_name == "ReLU":
        return np.maximum(x, 0)
    if class_name == "GlobalAveragePooling2D":
        return x.mean(axis=(1, 2))
    if class_name == "Dense":
        bias = w("bias") if config["use_bias"] else 0
        return activation(x @ w("kernel") + bias, config["activation"])
    raise ValueError(f"layer class {class_name} is not used here")


def run(architecture, tensors, x):
    """The model's output for x, in inference mode, following the architecture's chain of layers."""
    layers = architecture["config"]["layers"]
    assert layers[0]["class_name"] == "InputLayer"
    values = {layers[0]["name"]: x.astype(np.float64)}
    previous = layers[0]["name"]
    for layer in layers[1:]:
        source = layer["inbound_nodes"][0]["args"][0][0] if "inbound_nodes" in layer else previous
        values[layer["name"]] = apply(layer["class_name"], layer["config"], layer["name"], values[source], tensors)
        previous = layer["name"]
    return values[previous]


def write():
    from safetensors.numpy import save_file

    os.makedirs(FOLDER, exist_ok=True)
    tensors = weights()
    x = test_input()
    outputs = []
    for architecture, file in [(functional_architecture(), "python_functional.safetensors"),
                               (sequential_architecture(), "python_sequential.safetensors")]:
        metadata = {"architecture": json.dumps(architecture, sort_keys=True), "format": "ResLab model"}
        save_file(tensors, os.path.join(FOLDER, file), metadata=metadata)
        outputs.append(run(architecture, tensors, x))
    assert np.array_equal(outputs[0], outputs[1])
    fields = {"input_shape": list(x.shape), "input": [float(v) for v in x.ravel()],
              "output_shape": list(outputs[0].shape), "output": [float(v) for v in outputs[0].ravel()]}
    with open(EXPECTED, "w") as f:
        f.write("{\n" + ",\n".join(f" {json.dumps(key)}: {json.dumps(value)}" for key, value in fields.items()) + "\n}\n")
    for file in os.listdir(FOLDER):
        os.chmod(os.path.join(FOLDER, file), 0o644)
    print("output for the fixed input:\n", outputs[0])


def check(path):
    """None when the ResLab file at `path` holds this model and predicts expected.json's output."""
    from safetensors import safe_open

    with safe_open(path, framework="np") as f:
        metadata = f.metadata() or {}
        tensors = {name: f.get_tensor(name) for name in f.keys()}
    if "architecture" not in metadata:
        return f"no architecture in the metadata {sorted(metadata)}"
    architecture = json.loads(metadata["architecture"])
    classes = [layer["class_name"] for layer in architecture["config"]["layers"]]
    wanted = ["InputLayer"] + [layer[0] for _, layer in CHAIN]
    if classes != wanted:
        return f"layer classes {classes} != {wanted}"
    if sorted(tensors) != sorted(weights()):
        return f"weights {sorted(tensors)} != {sorted(weights())}"
    with open(EXPECTED) as f:
        expected = json.load(f)
    x = np.array(expected["input"], dtype=np.float32).reshape(expected["input_shape"])
    output = run(architecture, tensors, x)
    wanted_output = np.array(expected["output"]).reshape(expected["output_shape"])
    if not np.allclose(output, wanted_output, rtol=1e-5, atol=1e-6):
        return f"output {output.tolist()} != {wanted_output.tolist()}"
    return None


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        problem = check(sys.argv[2])
        print(problem or "ok")
        sys.exit(1 if problem else 0)
    write()
