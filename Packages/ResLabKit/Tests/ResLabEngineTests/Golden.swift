import Foundation
import ResLabEngine

/// Reads `Golden/golden.json`, the reference results `Golden/make_golden.py` computes with NumPy.
enum Golden {
    /// The whole file, parsed once.
    nonisolated(unsafe) static let cases: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/golden.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }()

    struct Case {
        let name: String
        let fields: [String: Any]

        func tensor(_ key: String) throws -> Tensor {
            guard let entry = fields[key] as? [String: Any], let shape = entry["shape"] as? [Int],
                  let data = entry["data"] as? [Any] else {
                throw GoldenError.missing("\(name).\(key)")
            }
            // Numbers, or "nan" / "inf" / "-inf" for what JSON cannot hold.
            let scalars = try data.map { value -> Float in
                if let number = value as? Double { return Float(number) }
                if let text = value as? String, let number = Float(text) { return number }
                throw GoldenError.missing("\(name).\(key): \(value)")
            }
            return try Tensor(shape: shape, scalars: scalars)
        }

        func pair(_ key: String) throws -> (Int, Int) {
            guard let values = fields[key] as? [Int], values.count == 2 else { throw GoldenError.missing("\(name).\(key)") }
            return (values[0], values[1])
        }

        func string(_ key: String) throws -> String {
            guard let value = fields[key] as? String else { throw GoldenError.missing("\(name).\(key)") }
            return value
        }

        func padding() throws -> Padding {
            guard let padding = Padding(rawValue: try string("padding")) else { throw GoldenError.missing("\(name).padding") }
            return padding
        }
    }

    static func `case`(_ name: String) throws -> Case {
        guard let fields = cases[name] as? [String: Any] else { throw GoldenError.missing(name) }
        return Case(name: name, fields: fields)
    }

    enum GoldenError: Error { case missing(String) }
}
