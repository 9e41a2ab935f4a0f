"""Golden values for ResLabNN's tests, computed by Keras 2 (tf_keras) on TensorFlow.

Keras 2 is the Keras of the course (deeplearning.ai, Residual Networks, 2021): its batch norm folds
the *unbiased* batch variance into the moving variance, as ResLab does (Keras 3 uses the biased
one). Requirements (CPU only):

    pip install tensorflow-cpu==2.21.0 tf-keras==2.21.0

Run from this folder: `python make_goldens.py`. It writes:
- layers.json: forward and backward of each layer on small inputs with injected weights: the
  output y = layer(x) and the gradients of sum(y * r) for a fixed random r, with respect to the
  input and to each trainable weight (plus batch norm's updated moving statistics);
- blocks.json: the course's identity_block and convolutional_block (its code, verbatim in Keras)
  on a fixed input with injected weights, training True and False;
- losses.json: each loss's value and gradient with respect to the predictions;
- optimizers.json: a tiny model trained a few steps by each optimiser (losses and final weights);
- resnet50_summary.json: each row of the course's ResNet50's summary: name, type, output shape,
  parameter count, connections.

Random inputs come from numpy's seeded generator; nothing depends on TensorFlow's random numbers.
"""
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")  # plain Eigen kernels: reproducible numbers

import numpy as np
import tensorflow as tf
import tf_keras as keras
from tf_keras import layers
from tf_keras.initializers import glorot_uniform, random_uniform

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20211)


def array(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "values": [float(v) for v in a.reshape(-1)]}


def uniform(*shape, low=-1.0, high=1.0):
    return rng.uniform(low, high, size=shape).astype(np.float32)


def write(name, payload):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")


# ---------------------------------------------------------------------------------------------
# Layers: forward and backward with injected weights.

def layer_case(name, make, x, training=False, weights=None):
    """x: one input array, or a list for Add. weights: arrays in the layer's get_weights order."""
    keras.backend.clear_session()
    layer = make()
    xs = x if isinstance(x, list) else [x]
    tensors = [tf.constant(v) for v in xs]
    layer.build([v.shape for v in xs] if isinstance(x, list) else xs[0].shape)
    if weights is not None:
        layer.set_weights(weights)
    initial = [w.copy() for w in layer.get_weights()]
    with tf.GradientTape(persistent=True) as tape:
        for t in tensors:
            tape.watch(t)
        y = layer(tensors if isinstance(x, list) else tensors[0], training=training)
        r = tf.constant(uniform(*y.shape))
        objective = tf.reduce_sum(y * r)
    grads_x = [tape.gradient(objective, t) for t in tensors]
    grads_w = [tape.gradient(objective, w) for w in layer.trainable_weights]
    case = {
        "name": name,
        "training": training,
        "inputs": [array(v) for v in xs],
        "weights": [array(w) for w in initial],
        "upstream": array(r.numpy()),
        "output": array(y.numpy()),
        "inputGradients": [array(g.numpy()) for g in grads_x],
        "weightGradients": [array(g.numpy()) for g in grads_w],
        "weightsAfter": [array(w) for w in layer.get_weights()],
    }
    return case


def make_layers():
    cases = []
    cases.append(layer_case("conv2d_valid_3x3", lambda: layers.Conv2D(4, 3),
                            uniform(2, 6, 6, 3), weights=[uniform(3, 3, 3, 4), uniform(4)]))
    # Same padding with an even kernel on an odd input: the extra row and column go bottom/right.
    cases.append(layer_case("conv2d_same_2x2_stride2", lambda: layers.Conv2D(3, 2, strides=2, padding="same"),
                            uniform(2, 5, 5, 2), weights=[uniform(2, 2, 2, 3), uniform(3)]))
    cases.append(layer_case("conv2d_same_3x3_stride2", lambda: layers.Conv2D(4, (3, 3), strides=(2, 2), padding="same"),
                            uniform(1, 6, 6, 3), weights=[uniform(3, 3, 3, 4), uniform(4)]))
    cases.append(layer_case("conv2d_1x1_stride2", lambda: layers.Conv2D(5, 1, strides=2),
                            uniform(2, 5, 5, 3), weights=[uniform(1, 1, 3, 5), uniform(5)]))
    cases.append(layer_case("dense_relu", lambda: layers.Dense(5, activation="relu"),
                            uniform(4, 6), weights=[uniform(6, 5), uniform(5)]))
    cases.append(layer_case("dense_softmax", lambda: layers.Dense(4, activation="softmax"),
                            uniform(3, 5), weights=[uniform(5, 4), uniform(4)]))
    bn_weights = [uniform(5, low=0.5, high=1.5), uniform(5), uniform(5), uniform(5, low=0.5, high=2.0)]
    x_bn = uniform(4, 3, 3, 5, low=-2, high=3)
    cases.append(layer_case("batch_norm_training", lambda: layers.BatchNormalization(axis=3),
                            x_bn, training=True, weights=bn_weights))
    cases.append(layer_case("batch_norm_inference", lambda: layers.BatchNormalization(axis=3),
                            x_bn, training=False, weights=bn_weights))
    cases.append(layer_case("max_pool_3x3_stride2_valid", lambda: layers.MaxPooling2D((3, 3), strides=(2, 2)),
                            uniform(2, 7, 7, 3)))
    cases.append(layer_case("max_pool_2x2_same", lambda: layers.MaxPooling2D(2, padding="same"),
                            uniform(1, 5, 5, 2)))
    cases.append(layer_case("average_pool_2x2_valid", lambda: layers.AveragePooling2D((2, 2)),
                            uniform(2, 4, 5, 3)))
    cases.append(layer_case("average_pool_3x3_stride2_same", lambda: layers.AveragePooling2D(3, strides=2, padding="same"),
                            uniform(1, 5, 5, 2)))
    cases.append(layer_case("zero_padding_asymmetric", lambda: layers.ZeroPadding2D(((1, 2), (0, 3))),
                            uniform(1, 2, 3, 2)))
    cases.append(layer_case("global_average_pooling", lambda: layers.GlobalAveragePooling2D(),
                            uniform(2, 3, 4, 5)))
    cases.append(layer_case("flatten", lambda: layers.Flatten(), uniform(2, 2, 3, 2)))
    for activation in ["relu", "sigmoid", "tanh", "softmax"]:
        cases.append(layer_case("activation_" + activation, lambda a=activation: layers.Activation(a),
                                uniform(3, 4, low=-3, high=3)))
    cases.append(layer_case("add_three", lambda: layers.Add(),
                            [uniform(2, 3, 3, 2), uniform(2, 3, 3, 2), uniform(2, 3, 3, 2)]))
    write("layers.json", cases)


# ---------------------------------------------------------------------------------------------
# The course's blocks (Residual Networks, exercises 1 and 2), as the course writes them.

def identity_block(X, f, filters, training=True, initializer=random_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = layers.Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = layers.BatchNormalization(axis=3)(X, training=training)
    X = layers.Activation("relu")(X)
    X = layers.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = layers.BatchNormalization(axis=3)(X, training=training)
    X = layers.Activation("relu")(X)
    X = layers.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = layers.BatchNormalization(axis=3)(X, training=training)
    X = layers.Add()([X, X_shortcut])
    X = layers.Activation("relu")(X)
    return X


def convolutional_block(X, f, filters, s=2, training=True, initializer=glorot_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = layers.Conv2D(filters=F1, kernel_size=1, strides=(s, s), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = layers.BatchNormalization(axis=3)(X, training=training)
    X = layers.Activation("relu")(X)
    X = layers.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = layers.BatchNormalization(axis=3)(X, training=training)
    X = layers.Activation("relu")(X)
    X = layers.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = layers.BatchNormalization(axis=3)(X, training=training)
    X_shortcut = layers.Conv2D(filters=F3, kernel_size=1, strides=(s, s), padding="valid", kernel_initializer=initializer(seed=0))(X_shortcut)
    X_shortcut = layers.BatchNormalization(axis=3)(X_shortcut, training=training)
    X = layers.Add()([X, X_shortcut])
    X = layers.Activation("relu")(X)
    return X


def block_case(name, build, input_shape, training):
    keras.backend.clear_session()
    x_in = keras.Input(shape=input_shape[1:])
    model = keras.Model(x_in, build(x_in, training))
    weights = {}
    for layer in model.layers:
        if not layer.weights:
            continue
        values = []
        for w in layer.weights:
            short = w.name.split("/")[-1].split(":")[0]
            if short in ("moving_mean", "gamma"):
                value = uniform(*w.shape, low=0.5, high=1.5) if short == "gamma" else uniform(*w.shape)
            elif short == "moving_variance":
                value = uniform(*w.shape, low=0.5, high=2.0)
            else:
                value = uniform(*w.shape, low=-0.5, high=0.5)
            values.append(value)
        layer.set_weights(values)
        weights[layer.name] = [array(v) for v in values]
    x = uniform(*input_shape, low=-1, high=2)
    y = model(tf.constant(x)).numpy()
    return {"name": name, "training": training, "input": array(x), "weights": weights, "output": array(y)}


def make_blocks():
    cases = []
    for training in (False, True):
        cases.append(block_case("identity_block", lambda X, t: identity_block(X, 3, [2, 3, 4], training=t),
                                (2, 4, 4, 4), training))
        cases.append(block_case("convolutional_block", lambda X, t: convolutional_block(X, 3, [2, 3, 5], s=2, training=t),
                                (2, 5, 5, 3), training))
    write("blocks.json", cases)


# ---------------------------------------------------------------------------------------------
# Losses: value and gradient with respect to the predictions.

def loss_case(name, loss, y_true, y_pred):
    y_pred = tf.constant(y_pred)
    with tf.GradientTape() as tape:
        tape.watch(y_pred)
        value = loss(tf.constant(y_true), y_pred)
    return {"name": name, "labels": array(y_true), "predictions": array(y_pred.numpy()),
            "loss": float(value.numpy()), "gradient": array(tape.gradient(value, y_pred).numpy())}


def make_losses():
    cases = []
    probabilities = rng.dirichlet(np.ones(4), size=5).astype(np.float32)
    probabilities[1] = [0.0, 1.0, 0.0, 0.0]  # exercises the clipping to [ε, 1 − ε]
    probabilities[2] = probabilities[2] * 1.5  # rows that do not sum to one are renormalised
    one_hot = np.eye(4, dtype=np.float32)[[0, 1, 3, 2, 1]]
    one_hot[1] = [1, 0, 0, 0]  # the true class has probability 0: the clipped log
    logits = uniform(5, 4, low=-3, high=3)
    cases.append(loss_case("categorical_from_probabilities", keras.losses.CategoricalCrossentropy(), one_hot, probabilities))
    cases.append(loss_case("categorical_from_logits", keras.losses.CategoricalCrossentropy(from_logits=True), one_hot, logits))
    sparse = np.array([0, 1, 3, 2, 1], dtype=np.float32)
    cases.append(loss_case("sparse_from_probabilities", keras.losses.SparseCategoricalCrossentropy(), sparse,
                           rng.dirichlet(np.ones(4), size=5).astype(np.float32)))
    cases.append(loss_case("sparse_from_logits", keras.losses.SparseCategoricalCrossentropy(from_logits=True), sparse, logits))
    binary_labels = (rng.uniform(size=(4, 3)) > 0.5).astype(np.float32)
    cases.append(loss_case("binary_from_probabilities", keras.losses.BinaryCrossentropy(), binary_labels,
                           rng.uniform(0.02, 0.98, size=(4, 3)).astype(np.float32)))
    cases.append(loss_case("binary_from_logits", keras.losses.BinaryCrossentropy(from_logits=True), binary_labels,
                           uniform(4, 3, low=-4, high=4)))
    cases.append(loss_case("mean_squared_error", keras.losses.MeanSquaredError(), uniform(4, 3), uniform(4, 3)))
    write("losses.json", cases)


# ---------------------------------------------------------------------------------------------
# Optimisers: a tiny model, a few steps of train_on_batch.

def optimizer_case(name, optimizer, steps=3):
    keras.backend.clear_session()
    model = keras.Sequential([layers.Dense(4, activation="relu", input_shape=(5,)),
                              layers.Dense(3, activation="softmax")])
    weights = [uniform(5, 4, low=-0.8, high=0.8), uniform(4, low=0, high=0.2),
               uniform(4, 3, low=-0.8, high=0.8), uniform(3, low=-0.1, high=0.1)]
    model.set_weights(weights)
    model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
    x = uniform(8, 5)
    y = np.eye(3, dtype=np.float32)[rng.integers(0, 3, size=8)]
    losses = [float(model.train_on_batch(x, y)[0]) for _ in range(steps)]
    return {"name": name, "x": array(x), "y": array(y), "weights": [array(w) for w in weights],
            "losses": losses, "weightsAfter": [array(w) for w in model.get_weights()]}


def make_optimizers():
    cases = [
        optimizer_case("adam_default", keras.optimizers.Adam()),
        optimizer_case("adam_lr_0.05", keras.optimizers.Adam(learning_rate=0.05)),
        optimizer_case("sgd_plain", keras.optimizers.SGD(learning_rate=0.1)),
        optimizer_case("sgd_momentum", keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)),
        optimizer_case("sgd_nesterov_weight_decay", keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
        optimizer_case("rmsprop_default", keras.optimizers.RMSprop()),
        optimizer_case("rmsprop_momentum", keras.optimizers.RMSprop(learning_rate=0.01, momentum=0.5)),
    ]
    write("optimizers.json", cases)


# ---------------------------------------------------------------------------------------------
# The course's ResNet50 summary, row by row.

def make_summary():
    keras.backend.clear_session()
    X_input = keras.Input((64, 64, 3))
    X = layers.ZeroPadding2D((3, 3))(X_input)
    X = layers.Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = layers.BatchNormalization(axis=3)(X)
    X = layers.Activation("relu")(X)
    X = layers.MaxPooling2D((3, 3), strides=(2, 2))(X)
    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1)
    X = identity_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])
    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512])
    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2)
    for _ in range(5):
        X = identity_block(X, 3, [256, 256, 1024])
    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=2)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048])
    X = layers.AveragePooling2D((2, 2))(X)
    X = layers.Flatten()(X)
    X = layers.Dense(6, activation="softmax", kernel_initializer=glorot_uniform(seed=0))(X)
    model = keras.Model(inputs=X_input, outputs=X)
    rows = []
    for layer in model.layers:
        connections = []
        for node in layer._inbound_nodes:
            for inbound, node_index, tensor_index, _ in node.iterate_inbound():
                connections.append(f"{inbound.name}[{node_index}][{tensor_index}]")
        rows.append({"name": layer.name, "type": layer.__class__.__name__, "outputShape": str(layer.output_shape),
                     "params": layer.count_params(), "connections": connections})
    trainable = int(sum(np.prod(w.shape) for w in model.trainable_weights))
    frozen = int(sum(np.prod(w.shape) for w in model.non_trainable_weights))
    write("resnet50_summary.json", {"rows": rows, "trainable": trainable, "nonTrainable": frozen})


if __name__ == "__main__":
    make_layers()
    make_blocks()
    make_losses()
    make_optimizers()
    make_summary()
