import Foundation
@testable import ResLabBuiltins
import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript
import Testing

/// The parts of the engine bindings that need no interpreter: the public tensor representation,
/// nested-array conversion, subscripts, the file access policy, and the residual block table.
@Suite struct BindingUnitTests {
    static func registry() throws -> NativeRegistry {
        let host = PluginHost()
        for plugin in BuiltinPlugins.all() { try host.install(plugin) }
        return host.registry
    }

    @Test func tensorBindingRoundTrips() throws {
        let registry = try Self.registry()
        let tensor = try Tensor(shape: [2, 1], scalars: [1, 2])
        let value = try TensorBinding.value(tensor, registry: registry)
        #expect(value.type == .named("Tensor"))
        #expect(TensorBinding.tensor(from: value)?.scalars == [1, 2])
        #expect(TensorBinding.tensor(from: .double(1)) == nil)
        // Numbers and nested arrays convert as Tensor(_:) converts them in lesson code.
        #expect(try TensorBinding.tensor(converting: .array([.array([.int(1)]), .array([.double(2.5)])])).shape == [2, 1])
        #expect(try TensorBinding.tensor(converting: .float(3)).shape == [])
        #expect(throws: NativeError.self) {
            try TensorBinding.tensor(converting: .array([.array([.int(1)]), .array([.int(2), .int(3)])]), parameter: "x")
        }
        #expect(throws: NativeError.self) { try TensorBinding.value(tensor, registry: NativeRegistry()) }
    }

    @Test func raggedArrayErrorNamesThePositions() {
        do {
            _ = try TensorBinding.tensor(converting: .array([.array([.int(1)]), .array([.int(2), .int(3)])]), parameter: "x")
            Issue.record("a ragged array converted")
        } catch let error as NativeError {
            #expect(error.message == "argument 'x' is a ragged nested array: x[0] has shape [1] but x[1] has shape [2]")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func subscriptsSelectAndReplace() throws {
        let x = try Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
        #expect(try TensorIndexing([.int(1)], shape: x.shape).select(from: x).scalars == [3, 4, 5])
        #expect(try TensorIndexing([.int(-1), .range(lower: 1, upper: 3, closed: false)], shape: x.shape).select(from: x).scalars == [4, 5])
        #expect(try TensorIndexing([.range(lower: 0, upper: 1, closed: true), .int(2)], shape: x.shape).select(from: x).scalars == [2, 5])
        let replaced = try TensorIndexing([.range(lower: 0, upper: 2, closed: false), .int(0)], shape: x.shape)
            .replace(in: x, with: Tensor(Float(9)))
        #expect(replaced.scalars == [9, 1, 2, 9, 4, 5])
        #expect(throws: NativeError.self) { try TensorIndexing([.int(2)], shape: x.shape) }
        #expect(throws: NativeError.self) { try TensorIndexing([.int(0), .int(0), .int(0)], shape: x.shape) }
    }

    @Test func confinedPolicyKeepsPathsInsideItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let policy = FileAccessPolicy.confined(to: folder)
        let root = folder.resolvingSymlinksInPath().path
        #expect(try policy.authorize("w.safetensors", .write).path == root + "/w.safetensors")
        #expect(try policy.authorize("sub/../x.npy", .read).path == root + "/x.npy")
        #expect(try policy.authorize(root + "/y.npy", .read).path == root + "/y.npy")
        #expect(throws: NativeError.self) { try policy.authorize("../escape.npy", .write) }
        #expect(throws: NativeError.self) { try policy.authorize("/etc/passwd", .read) }
        // A symbolic link inside the folder that points outside it is refused too.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: "/etc")
        #expect(throws: NativeError.self) { try policy.authorize("link/passwd", .read) }
        // The rule can be swapped on a shared policy.
        policy.rule = { _, _ in throw NativeError("no files") }
        #expect(throws: NativeError.self) { try policy.authorize("w.safetensors", .write) }
    }

    @Test func residualTraceFollowsTheLecture() throws {
        // a[l] = [1, -2, 0.5]: z[l+1] = [1.35, -0.3, -1.75], a[l+1] = [1.35, 0, 0],
        // z[l+2] = [0.675, 0.065, 0.37] (MustRun/make_expected.py in the root tests computes these).
        let trace = try ResidualBlockTrace(
            aL: try Tensor([[1.0], [-2.0], [0.5]] as [[Double]]),
            W1: try Tensor([[0.2, -0.5, 0.1], [0.4, 0.3, -0.2], [-0.3, 0.8, 0.5]] as [[Double]]),
            b1: try Tensor([[0.1], [0.0], [-0.1]] as [[Double]]),
            W2: try Tensor([[0.5, -0.4, 0.2], [-0.1, 0.6, 0.3], [0.2, 0.1, -0.7]] as [[Double]]),
            b2: Tensor([0.0, 0.2, 0.1] as [Double]), Ws: nil)
        #expect(trace.a1.map { ($0 * 1000).rounded() } == [1350, 0, 0])
        #expect(trace.residual.map { ($0 * 1000).rounded() } == [1675, 0, 870])
        #expect(ResidualBlockTrace.format(-0.00001) == "0.0000")
        #expect(ResidualBlockTrace.format(.nan) == "nan")
        #expect(throws: NativeError.self) {
            try ResidualBlockTrace(aL: Tensor([1.0, 2.0] as [Double]), W1: Tensor(zeros: [2, 3]), b1: Tensor(zeros: [2]),
                                   W2: Tensor(zeros: [2, 2]), b2: Tensor(zeros: [2]), Ws: nil)
        }
    }

    @Test func echoOfASymbolicTensorNamesItsLayer() throws {
        let input = try ResLabNN.Input(shape: [4], name: "pixels")
        #expect(TensorDisplay.echo(.symbolic(input))
                == "Tensor (None, 4), symbolic: the input 'pixels' in a model being built; it gets numbers when the model runs")
        #expect(TensorDisplay.echo(.eager(Tensor([1.0, 2.0] as [Double]))) == "Tensor [2] = [1. 2.]")
    }
}
