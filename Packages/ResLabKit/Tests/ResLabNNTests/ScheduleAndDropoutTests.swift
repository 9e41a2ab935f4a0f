import Foundation
import Testing
@testable import ResLabNN

@Suite struct ScheduleAndDropoutTests {
    /// Keras' formulas, evaluated by hand.
    @Test func schedulesFollowKerasFormulas() {
        let cosine = LearningRateSchedule.cosineDecay(initial: 0.1, decaySteps: 100, alpha: 0.1)
        #expect(abs(cosine(0) - 0.1) < 1e-12)
        #expect(abs(cosine(50) - 0.1 * (0.9 * 0.5 + 0.1)) < 1e-12)
        #expect(abs(cosine(100) - 0.01) < 1e-12)
        #expect(abs(cosine(1000) - 0.01) < 1e-12)
        let pieces = LearningRateSchedule.piecewiseConstant(boundaries: [10, 20], values: [1, 0.1, 0.01])
        #expect([pieces(0), pieces(9), pieces(10), pieces(19), pieces(20), pieces(500)] == [1, 1, 0.1, 0.1, 0.01, 0.01])
        let steps = LearningRateSchedule.stepDecay(initial: 0.8, factor: 0.5, every: 3)
        #expect([steps(0), steps(2), steps(3), steps(7)] == [0.8, 0.8, 0.4, 0.2])
        #expect(throws: NNError.self) { try SGD(schedule: .piecewiseConstant(boundaries: [10], values: [1])) }
    }

    @Test func anOptimizerReadsItsScheduleAtEachStep() throws {
        let optimizer = try SGD(schedule: .piecewiseConstant(boundaries: [1], values: [1, 0.5]))
        let weight = Variable(name: "w", layerName: "test", value: try Tensor(shape: [2], scalars: [1, 2]), trainable: true)
        let gradient = try Tensor(shape: [2], scalars: [1, 1])
        try optimizer.apply([gradient], to: [weight])
        #expect(weight.value.scalars == [0, 1])
        try optimizer.apply([gradient], to: [weight])
        #expect(weight.value.scalars == [-0.5, 0.5])
        #expect(optimizer.iterations == 2)
    }

    @Test func dropoutZeroesAboutItsRateAndScalesTheRest() throws {
        let x = try Tensor(ones: [100, 100])
        let dropout = try Dropout(rate: 0.3, seed: 5)
        let y = try dropout(x, training: true)
        let zeros = y.scalars.filter { $0 == 0 }.count
        #expect(abs(Double(zeros) / 10_000 - 0.3) < 0.02)
        #expect(y.scalars.allSatisfy { $0 == 0 || abs($0 - 1 / 0.7) < 1e-6 })
        #expect(try dropout(x).scalars == x.scalars)  // inference passes through
        // The same seed draws the same sequence of masks.
        let again = try Dropout(rate: 0.3, seed: 5)
        #expect(try again(x, training: true).scalars == y.scalars)
        #expect(try again(x, training: true).scalars != y.scalars)
    }
}
