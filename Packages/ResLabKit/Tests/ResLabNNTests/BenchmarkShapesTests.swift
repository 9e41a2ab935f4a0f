import Testing
import ResLabEngine
@testable import ResLabNN

/// `reslab bench kernels --resnet50` times a hand-written list of the course's ResNet-50
/// convolutions; it must be exactly the convolutions the model runs.
struct BenchmarkShapesTests {
    @Test func theBenchmarksConvolutionsAreTheCourseResNet50s() throws {
        let model = try courseResNet50.get()
        var inModel: [String] = []
        for step in try model.builtNetwork().steps {
            guard let conv = step.node.layer as? Conv2D, let kernel = conv.kernel else { continue }
            let input = step.node.inputs[0].shape.dropFirst().map { $0 ?? -1 }
            inModel.append("\(input) \(kernel.value.shape) \(conv.strides.0),\(conv.strides.1) \(conv.padding)")
        }
        var listed: [String] = []
        for conv in KernelBenchmark.resNet50Convolutions(batch: 1) {
            let line = "\(Array(conv.input.dropFirst())) \(conv.filter) \(conv.stride),\(conv.stride) \(conv.padding)"
            listed += Array(repeating: line, count: conv.count)
        }
        #expect(inModel.count == 53)  // the stem, 16 blocks of three, 4 projection shortcuts
        #expect(inModel.sorted() == listed.sorted())
    }
}
