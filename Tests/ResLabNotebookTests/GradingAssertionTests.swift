import ResLab
import Testing

/// The assertion helpers (`GradingPlugin`) as lesson code calls them, with the standard host's
/// tensors; each failure is read back from `AssertionLog` with its expected and actual values.
@Suite struct GradingAssertionTests {
    let session: ScriptSession

    init() throws {
        session = ScriptSession(registry: try makeStandardHost().registry)
    }

    /// Runs `code`; the failure the helpers recorded, or nil when it ran without error.
    private func failure(_ code: String) throws -> AssertionFailure? {
        _ = AssertionLog.shared.takeFailure(of: session.cancellation)
        let result = session.run(code)
        let recorded = AssertionLog.shared.takeFailure(of: session.cancellation)
        if result.succeeded { return nil }
        guard let recorded else { throw NotACheck(errors: result.errors.rendered) }
        return recorded
    }

    /// The code stopped with an error that is not a failed check (a typo in the test).
    struct NotACheck: Error { let errors: String }

    @Test func numbersCompareWithinAToleranceRelativeBeyondOne() throws {
        #expect(try failure("expectEqual(578.1371, 578.13715, tolerance: 1e-4)") == nil)  // 5e-5 apart, 1e-4 × 578 allowed
        #expect(try failure("expectEqual(0.5, 0.50009, tolerance: 1e-4)") == nil)
        let failed = try #require(try failure("expectEqual(0.5, 0.5002, tolerance: 1e-4)"))
        #expect(failed.message == "the values differ (tolerance 0.0001)")
        #expect(failed.expected == "0.5002" && failed.actual == "0.5")
        #expect(try failure("expectEqual(3, 4)")?.expected == "4")
    }

    @Test func tensorsCompareWithNestedArraysAndNameTheWorstElement() throws {
        #expect(try failure("expectEqual(Tensor([[1.0, 2.0], [3.0, 4.0]]), [[1.0, 2.0], [3.0, 4.0]])") == nil)
        let failed = try #require(try failure("expectEqual(Tensor([[1.0, 2.0], [3.0, 4.0]]), [[1.0, 2.5], [3.0, 9.0]], tolerance: 0.01)"))
        #expect(failed.message == "2 of 4 values differ (tolerance 0.01); the largest difference is at [1, 1]")
        #expect(failed.expected == "9.0 at [1, 1]")
        #expect(failed.actual == "4.0 at [1, 1]")
        let shapes = try #require(try failure("expectEqual(Tensor(zeros: [2, 3]), Tensor(zeros: [3, 2]))"))
        #expect(shapes.message == "the shapes differ" && shapes.expected == "shape [3, 2]" && shapes.actual == "shape [2, 3]")
    }

    @Test func aNaNNeverPasses() throws {
        let failed = try #require(try failure("expectEqual(Tensor([1.0, 0.0]) / Tensor([1.0, 0.0]), [1.0, 0.0], tolerance: 1)"))
        #expect(failed.actual == "nan at [1]")
    }

    @Test func shapesOfTensorsAndArrays() throws {
        #expect(try failure("expectShape(Tensor(ones: [3, 4, 4, 6]), [3, 4, 4, 6])") == nil)
        #expect(try failure("expectShape([[1, 2, 3], [4, 5, 6]], [2, 3])") == nil)
        let failed = try #require(try failure("expectShape(Tensor(ones: [3, 2, 2, 6]), [3, 4, 4, 6])"))
        #expect(failed.message == "the shape is wrong" && failed.expected == "shape [3, 4, 4, 6]" && failed.actual == "shape [3, 2, 2, 6]")
    }

    @Test func conditionsAndErrors() throws {
        #expect(try failure("expectTrue(1 < 2)") == nil)
        #expect(try failure("expectTrue(2 < 1, \"two is not less than one\")")?.message == "two is not less than one")
        #expect(try failure("expectFalse(true)")?.message == "the condition is true")
        #expect(try failure("expectError { Add()([Tensor(ones: [2]), Tensor(ones: [3])]) }") == nil)
        #expect(try failure("expectError { Tensor(ones: [2]) }")?.message == "the code ran without an error")
    }
}
