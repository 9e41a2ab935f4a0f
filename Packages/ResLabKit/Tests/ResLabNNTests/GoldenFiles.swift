import Foundation
import ResLabNN

/// The golden files in `Golden/`, made by `Golden/make_goldens.py` with Keras 2 (tf_keras 2.21)
/// on TensorFlow 2.21.
enum GoldenFiles {
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}

/// An array as the script writes it: a shape and the values in row-major order.
struct GoldenArray: Decodable {
    let shape: [Int]
    let values: [Float]

    var tensor: Tensor {
        get throws { try Tensor(shape: shape, scalars: values) }
    }
}

struct LayerCase: Decodable {
    let name: String
    let training: Bool
    let inputs: [GoldenArray]
    let weights: [GoldenArray]
    let upstream: GoldenArray
    let output: GoldenArray
    let inputGradients: [GoldenArray]
    let weightGradients: [GoldenArray]
    let weightsAfter: [GoldenArray]
}

struct BlockCase: Decodable {
    let name: String
    let training: Bool
    let input: GoldenArray
    let weights: [String: [GoldenArray]]
    let output: GoldenArray
}

struct LossCase: Decodable {
    let name: String
    let labels: GoldenArray
    let predictions: GoldenArray
    let loss: Float
    let gradient: GoldenArray
}

struct OptimizerCase: Decodable {
    let name: String
    let x: GoldenArray
    let y: GoldenArray
    let weights: [GoldenArray]
    let losses: [Float]
    let weightsAfter: [GoldenArray]
}

struct SummaryGolden: Decodable {
    struct Row: Decodable {
        let name: String
        let type: String
        let outputShape: String
        let params: Int
        let connections: [String]
    }
    let rows: [Row]
    let trainable: Int
    let nonTrainable: Int
}

/// `|actual − expected| ≤ absolute + relative · |expected|` everywhere, or the first place it is not.
func firstMismatch(_ actual: [Float], _ expected: [Float], absolute: Float, relative: Float) -> String? {
    guard actual.count == expected.count else { return "count \(actual.count) ≠ \(expected.count)" }
    for (index, (a, e)) in zip(actual, expected).enumerated() where !(abs(a - e) <= absolute + relative * abs(e)) {
        return "element \(index): \(a) vs Keras \(e)"
    }
    return nil
}
