import Foundation

/// Each layer class's settings as a JSON object (Keras' `get_config`, with Keras' key names where
/// Keras has the setting), and the layer made again from them (`from_config`).
///
/// Every config holds `name` and `trainable`. Initialisers are written as Keras writes them:
/// `{"class_name": "HeNormal", "config": {"seed": null}}`. The weights are not part of a config.
enum LayerConfig {
    /// The class name and the config of `layer`; nil for a layer this file does not know (a
    /// plugin's layer, one of a program's own; a nested model is written by
    /// `Model.architectureJSON()` itself).
    static func encode(_ layer: Layer) -> (className: String, config: [String: Any])? {
        var config: [String: Any]
        let className: String
        switch layer {
        case let input as InputLayer:
            className = "InputLayer"
            config = ["batch_shape": input.inputShape.map { $0.map { $0 as Any } ?? NSNull() }]
        case let conv as Conv2D:
            className = "Conv2D"
            config = ["filters": conv.filters, "kernel_size": pair(conv.kernelSize), "strides": pair(conv.strides),
                      "padding": conv.padding.rawValue, "activation": conv.activation.rawValue,
                      "use_bias": conv.useBias, "kernel_initializer": encode(conv.kernelInitializer),
                      "bias_initializer": encode(conv.biasInitializer)]
        case let dense as Dense:
            className = "Dense"
            config = ["units": dense.units, "activation": dense.activation.rawValue, "use_bias": dense.useBias,
                      "kernel_initializer": encode(dense.kernelInitializer),
                      "bias_initializer": encode(dense.biasInitializer)]
        case let norm as BatchNormalization:
            className = "BatchNormalization"
            config = ["axis": norm.axis, "momentum": norm.momentum, "epsilon": norm.epsilon, "center": norm.center,
                      "scale": norm.scale, "beta_initializer": encode(norm.betaInitializer),
                      "gamma_initializer": encode(norm.gammaInitializer),
                      "moving_mean_initializer": encode(norm.movingMeanInitializer),
                      "moving_variance_initializer": encode(norm.movingVarianceInitializer)]
        case let activation as Activation:
            className = "Activation"
            config = ["activation": activation.function.rawValue]
        case let pooling as Pooling2D where pooling is MaxPooling2D || pooling is AveragePooling2D:
            className = pooling is MaxPooling2D ? "MaxPooling2D" : "AveragePooling2D"
            config = ["pool_size": pair(pooling.poolSize), "strides": pair(pooling.strides),
                      "padding": pooling.padding.rawValue]
        case let padding as ZeroPadding2D:
            className = "ZeroPadding2D"
            config = ["padding": [pair(padding.padding.0), pair(padding.padding.1)]]
        case let dropout as Dropout:
            className = "Dropout"
            config = ["rate": dropout.rate, "seed": dropout.seed.map { $0 as Any } ?? NSNull()]
        case let shortcut as ChannelPaddingShortcut:
            className = "ChannelPaddingShortcut"
            config = ["filters": shortcut.filters, "strides": shortcut.strides]
        case is ReLU, is Softmax, is Flatten, is Add, is GlobalAveragePooling2D:
            className = layer.typeName
            config = [:]
        default:
            return nil
        }
        config["name"] = layer.name
        config["trainable"] = layer.trainable
        return (className, config)
    }

    /// The model input an `InputLayer` config describes. `scope` is the path of the nested model
    /// holding it (`inner/`, or ""), for errors.
    static func decodeInput(config: [String: Any], file: String, scope: String = "") throws -> KerasTensor {
        let fields = ConfigFields(config, file: file, layer: scope + ((config["name"] as? String) ?? "?"))
        let shape = try fields.optionalIntegers("batch_shape")
        guard shape.count >= 2, shape.dropFirst().allSatisfy({ ($0 ?? 0) > 0 }), (shape[0] ?? 1) > 0 else {
            throw fields.invalid("batch_shape must be [batch size or null, positive extents…]")
        }
        let input = try Input(shape: shape.dropFirst().compactMap { $0 }, batchSize: shape[0], name: try fields.string("name"))
        input.layer.trainable = try fields.bool("trainable")
        return input
    }

    /// The layer of class `className` (any but `InputLayer` and the models) made from `config`;
    /// throws `ModelFileError` naming `file`, and the layer by `scope` (the path of the nested
    /// model holding it, `inner/`, or "") and name, when the class is unknown or a setting is
    /// missing or refused.
    static func decode(className: String, config: [String: Any], file: String, scope: String = "") throws -> Layer {
        let fields = ConfigFields(config, file: file, layer: scope + ((config["name"] as? String) ?? "?"))
        let name = try fields.string("name")
        let layer: Layer
        do {
            switch className {
            case "Conv2D":
                layer = try Conv2D(filters: fields.integer("filters"), kernelSize: fields.pair("kernel_size"),
                                   strides: fields.pair("strides"), padding: fields.padding("padding"),
                                   activation: fields.activation("activation"), useBias: fields.bool("use_bias"),
                                   kernelInitializer: fields.initializer("kernel_initializer"),
                                   biasInitializer: fields.initializer("bias_initializer"), name: name)
            case "Dense":
                layer = try Dense(units: fields.integer("units"), activation: fields.activation("activation"),
                                  useBias: fields.bool("use_bias"),
                                  kernelInitializer: fields.initializer("kernel_initializer"),
                                  biasInitializer: fields.initializer("bias_initializer"), name: name)
            case "BatchNormalization":
                layer = try BatchNormalization(
                    axis: fields.integer("axis"), momentum: fields.number("momentum"), epsilon: fields.number("epsilon"),
                    center: fields.bool("center"), scale: fields.bool("scale"),
                    betaInitializer: fields.initializer("beta_initializer"),
                    gammaInitializer: fields.initializer("gamma_initializer"),
                    movingMeanInitializer: fields.initializer("moving_mean_initializer"),
                    movingVarianceInitializer: fields.initializer("moving_variance_initializer"), name: name)
            case "Activation":
                layer = Activation(try fields.activation("activation"), name: name)
            case "MaxPooling2D":
                layer = try MaxPooling2D(poolSize: fields.pair("pool_size"), strides: fields.pair("strides"),
                                         padding: fields.padding("padding"), name: name)
            case "AveragePooling2D":
                layer = try AveragePooling2D(poolSize: fields.pair("pool_size"), strides: fields.pair("strides"),
                                             padding: fields.padding("padding"), name: name)
            case "ZeroPadding2D":
                let sides = try fields.pairs("padding")
                guard sides.count == 2 else { throw fields.invalid("padding must be [[top, bottom], [left, right]]") }
                layer = try ZeroPadding2D(padding: (sides[0], sides[1]), name: name)
            case "Dropout":
                layer = try Dropout(rate: fields.number("rate"), seed: fields.optionalInteger("seed"), name: name)
            case "ChannelPaddingShortcut":
                layer = try ChannelPaddingShortcut(filters: fields.integer("filters"), strides: fields.integer("strides"),
                                                   name: name)
            case "ReLU": layer = ReLU(name: name)
            case "Softmax": layer = Softmax(name: name)
            case "Flatten": layer = Flatten(name: name)
            case "Add": layer = Add(name: name)
            case "GlobalAveragePooling2D": layer = GlobalAveragePooling2D(name: name)
            default:
                throw ModelFileError.unknownLayerClass(file: file, layer: scope + name, className: className)
            }
        } catch let error as NNError {
            throw fields.invalid("\(className) refuses its settings: \(error)")
        }
        layer.trainable = try fields.bool("trainable")
        return layer
    }

    // MARK: - Initialisers

    private static func encode(_ initializer: Initializer) -> [String: Any] {
        let seed: Any = initializer.seed.map { $0 as Any } ?? NSNull()
        switch initializer.kind {
        case .glorotUniform: return ["class_name": "GlorotUniform", "config": ["seed": seed]]
        case .glorotNormal: return ["class_name": "GlorotNormal", "config": ["seed": seed]]
        case .heNormal: return ["class_name": "HeNormal", "config": ["seed": seed]]
        case .heUniform: return ["class_name": "HeUniform", "config": ["seed": seed]]
        case let .randomUniform(minval, maxval):
            return ["class_name": "RandomUniform", "config": ["minval": Double(minval), "maxval": Double(maxval), "seed": seed]]
        case let .randomNormal(mean, stddev):
            return ["class_name": "RandomNormal", "config": ["mean": Double(mean), "stddev": Double(stddev), "seed": seed]]
        case .constant(0): return ["class_name": "Zeros", "config": [:] as [String: Any]]
        case .constant(1): return ["class_name": "Ones", "config": [:] as [String: Any]]
        case let .constant(value): return ["class_name": "Constant", "config": ["value": Double(value)]]
        }
    }

    fileprivate static func decodeInitializer(_ value: Any?, fields: ConfigFields, key: String) throws -> Initializer {
        guard let object = value as? [String: Any], let className = object["class_name"] as? String,
              let config = object["config"] as? [String: Any] else {
            throw fields.invalid("\(key) must be {\"class_name\": …, \"config\": {…}}")
        }
        let inner = ConfigFields(config, file: fields.file, layer: fields.layer, prefix: "\(key).")
        func seed() throws -> Int? { try inner.optionalInteger("seed") }
        switch className {
        case "GlorotUniform": return Initializer(.glorotUniform, seed: try seed())
        case "GlorotNormal": return Initializer(.glorotNormal, seed: try seed())
        case "HeNormal": return Initializer(.heNormal, seed: try seed())
        case "HeUniform": return Initializer(.heUniform, seed: try seed())
        case "RandomUniform":
            return Initializer(.randomUniform(minval: Float(try inner.number("minval")), maxval: Float(try inner.number("maxval"))),
                               seed: try seed())
        case "RandomNormal":
            return Initializer(.randomNormal(mean: Float(try inner.number("mean")), stddev: Float(try inner.number("stddev"))),
                               seed: try seed())
        case "Zeros": return .zeros
        case "Ones": return .ones
        case "Constant": return .constant(Float(try inner.number("value")))
        default: throw fields.invalid("\(key) has the unknown initializer class '\(className)'")
        }
    }

    private static func pair(_ value: (Int, Int)) -> [Int] { [value.0, value.1] }
}

/// A config's fields read with their expected types; every failure names the file, the layer and
/// the field.
private struct ConfigFields {
    let object: [String: Any]
    let file: String
    let layer: String
    var prefix = ""

    init(_ object: [String: Any], file: String, layer: String, prefix: String = "") {
        self.object = object
        self.file = file
        self.layer = layer
        self.prefix = prefix
    }

    func invalid(_ reason: String) -> ModelFileError {
        .invalidArchitecture(file: file, reason: "layer '\(layer)': \(reason)")
    }

    private func mistyped(_ key: String, _ expected: String) -> ModelFileError {
        invalid(object[key] == nil ? "\(prefix)\(key) is missing" : "\(prefix)\(key) is not \(expected)")
    }

    func string(_ key: String) throws -> String {
        guard let value = object[key] as? String else { throw mistyped(key, "a string") }
        return value
    }

    func bool(_ key: String) throws -> Bool {
        guard let value = object[key] as? Bool else { throw mistyped(key, "true or false") }
        return value
    }

    func integer(_ key: String) throws -> Int {
        guard let value = Self.integer(object[key]) else { throw mistyped(key, "an integer") }
        return value
    }

    func optionalInteger(_ key: String) throws -> Int? {
        if object[key] is NSNull { return nil }
        return try integer(key)
    }

    func number(_ key: String) throws -> Double {
        guard let value = (object[key] as? NSNumber)?.doubleValue else { throw mistyped(key, "a number") }
        return value
    }

    func pair(_ key: String) throws -> (Int, Int) {
        guard let list = object[key] as? [Any], list.count == 2,
              let first = Self.integer(list[0]), let second = Self.integer(list[1]) else {
            throw mistyped(key, "a pair of integers")
        }
        return (first, second)
    }

    func pairs(_ key: String) throws -> [(Int, Int)] {
        guard let list = object[key] as? [Any] else { throw mistyped(key, "a list of integer pairs") }
        return try list.map { element in
            guard let pair = element as? [Any], pair.count == 2,
                  let first = Self.integer(pair[0]), let second = Self.integer(pair[1]) else {
                throw mistyped(key, "a list of integer pairs")
            }
            return (first, second)
        }
    }

    func optionalIntegers(_ key: String) throws -> [Int?] {
        guard let list = object[key] as? [Any] else { throw mistyped(key, "a list of integers and nulls") }
        return try list.map { element in
            if element is NSNull { return nil }
            guard let value = Self.integer(element) else { throw mistyped(key, "a list of integers and nulls") }
            return value
        }
    }

    func padding(_ key: String) throws -> Padding {
        guard let value = Padding(rawValue: try string(key)) else { throw mistyped(key, "\"valid\" or \"same\"") }
        return value
    }

    func activation(_ key: String) throws -> ActivationFunction {
        guard let value = ActivationFunction(rawValue: try string(key)) else {
            throw mistyped(key, "one of \(ActivationFunction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    func initializer(_ key: String) throws -> Initializer {
        try LayerConfig.decodeInitializer(object[key], fields: self, key: key)
    }

    /// A JSON number whose text is an integer (not 2.5, not true).
    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        return Int(number.stringValue)
    }
}
