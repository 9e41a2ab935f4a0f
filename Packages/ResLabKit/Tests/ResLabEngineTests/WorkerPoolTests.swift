import Dispatch
import Foundation
import Testing
@testable import ResLabEngine

/// The engine's worker pool (`Parallelism.run`, `CReslabKernels/reslab_pool.c`): every iteration
/// runs exactly once, whether the job is larger than the pool, started from inside a job, or
/// started by several threads at the same moment.
struct WorkerPoolTests {
    /// Runs `Parallelism.run(iterations: n)` and returns how often each index ran.
    func counts(_ n: Int, _ extra: (Int) -> Void = { _ in }) -> [Int] {
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: n)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: n)
        Parallelism.run(iterations: n) { i in
            counts[i] += 1  // each index is its own element: no two iterations write the same one
            extra(i)
        }
        return Array(UnsafeBufferPointer(start: counts, count: n))
    }

    @Test(arguments: [0, 1, 2, 3, 7, 100])
    func everyIterationRunsOnce(n: Int) {
        #expect(counts(n) == [Int](repeating: 1, count: n))
    }

    @Test func aJobStartedInsideAJobRunsInline() {
        let inner = UnsafeMutablePointer<Int>.allocate(capacity: 4 * 5)
        defer { inner.deallocate() }
        inner.initialize(repeating: 0, count: 20)
        let outer = counts(4) { i in
            Parallelism.run(iterations: 5) { j in inner[i * 5 + j] += 1 }
        }
        #expect(outer == [1, 1, 1, 1])
        #expect(Array(UnsafeBufferPointer(start: inner, count: 20)) == [Int](repeating: 1, count: 20))
    }

    @Test func jobsFromManyThreadsAtOnceAllComplete() {
        let threads = 8, rounds = 200
        let results = UnsafeMutablePointer<Int>.allocate(capacity: threads)
        defer { results.deallocate() }
        results.initialize(repeating: 0, count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var total = 0
            for round in 0..<rounds {
                let n = 2 + (thread + round) % 9
                total += counts(n).reduce(0, +) == n ? 1 : 0
            }
            results[thread] = total
        }
        #expect(Array(UnsafeBufferPointer(start: results, count: threads)) == [Int](repeating: rounds, count: threads))
    }

    /// The work is really shared: with more than one core, some iterations run off the caller's
    /// thread. (Other tests running at the same time may hold the pool, and then a job runs
    /// inline, so the job is tried until it finds the pool free, for up to about five seconds.)
    @Test func theWorkersTakePart() {
        guard Parallelism.workers > 1 else { return }
        let caller = pthread_self()
        let elsewhere = UnsafeMutablePointer<Int>.allocate(capacity: 64)
        defer { elsewhere.deallocate() }
        var shared = false
        for _ in 0..<5000 where !shared {
            elsewhere.initialize(repeating: 0, count: 64)
            Parallelism.run(iterations: 64) { i in
                if pthread_equal(pthread_self(), caller) == 0 { elsewhere[i] = 1 }
            }
            shared = UnsafeBufferPointer(start: elsewhere, count: 64).reduce(0, +) > 0
            if !shared { usleep(1000) }
        }
        #expect(shared)
    }
}
