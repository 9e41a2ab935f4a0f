import Foundation
import Testing
@testable import ResLabNN
import ResLabTestSupport

/// Saved models written by Python (`Fixtures/make_saved_model.py`, numpy and safetensors only):
/// ResLab rebuilds them and predicts what numpy computed for the same input; and a model ResLab
/// saves opens in Python, which checks it when numpy and safetensors are installed.
@Suite struct PythonSavedModelTests {
    /// `saved_model/expected.json`: the input batch and numpy's output for it.
    private struct Expected {
        let input: Tensor
        let outputShape: [Int]
        let output: [Float]

        init() throws {
            let data = try Data(contentsOf: Fixtures.url("saved_model/expected.json"))
            let fields = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let inputShape = try #require(fields["input_shape"] as? [Int])
            let input = try #require(fields["input"] as? [Double])
            self.input = try Tensor(shape: inputShape, scalars: input.map(Float.init))
            outputShape = try #require(fields["output_shape"] as? [Int])
            output = try #require(fields["output"] as? [Double]).map(Float.init)
        }
    }

    @Test(arguments: ["python_functional", "python_sequential"])
    func aModelSavedByPythonPredictsWhatNumPyComputed(_ name: String) throws {
        let expected = try Expected()
        let model = try Model.load(from: Fixtures.url("saved_model/\(name).safetensors"))
        #expect(model.name == name)
        #expect((model is Sequential) == (name == "python_sequential"))
        #expect(model.layers.map(\.name).suffix(5) == ["conv", "bn", "relu", "pool", "logits"])
        #expect(model.countParams() == (3 * 3 * 3 * 4 + 4) + 4 * 4 + (4 * 3 + 3))
        let output = try model.predict(x: expected.input)
        #expect(output.shape == expected.outputShape)
        #expect(isApproximatelyEqual(output.scalars, expected.output, absolute: 1e-5, relative: 1e-5),
                "ResLab \(output.scalars) against numpy \(expected.output)")
        // The numbers themselves, as make_saved_model.py printed them (to 1e-5).
        #expect(isApproximatelyEqual(expected.output, [0.55901, 1.84591, -1.55804, 0.62226, 1.58855, -1.56776],
                                     absolute: 1e-5, relative: 0))

        // The architecture the script wrote is, field for field, the one ResLab writes for the
        // model it rebuilt.
        let file = try SafeTensors.read(contentsOf: Fixtures.url("saved_model/\(name).safetensors"))
        let written = try #require(file.metadata[Model.architectureMetadataKey])
        let object = try JSONSerialization.jsonObject(with: Data(written.utf8))
        let normalised = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(String(decoding: normalised, as: UTF8.self) == (try model.architectureJSON()))
    }

    @Test func aModelSavedByResLabOpensInPython() throws {
        let model = try Model.load(from: Fixtures.url("saved_model/python_functional.safetensors"))
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("reslab.safetensors")
        try model.save(to: url)
        // What Python reads: the same weights under the same names, and the architecture.
        let python = try SafeTensors.read(contentsOf: Fixtures.url("saved_model/python_functional.safetensors"))
        let reslab = try SafeTensors.read(contentsOf: url)
        #expect(reslab.names.sorted() == python.names.sorted())
        for name in python.names { #expect(reslab[name]?.scalars == python[name]?.scalars, "\(name)") }
        #expect(reslab.metadata["format"] == "ResLab model")

        guard SafeTensorsTests.pythonHasSafetensors() else { return }
        let (status, output) = try SafeTensorsTests.run(["python3", Fixtures.url("make_saved_model.py").path, "--check", url.path])
        #expect(status == 0 && output == "ok\n", "make_saved_model.py --check said: \(output)")
    }
}
