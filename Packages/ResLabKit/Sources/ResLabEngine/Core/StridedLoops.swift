/// Loops over N-dimensional index spaces where each operand is addressed through its own strides.
///
/// Broadcasting, reductions, transposes, slices, pads and concatenations all reduce to these: the
/// index space is first simplified (extent-1 axes dropped, axes merged where every operand is
/// contiguous across them) so that the innermost loop is as long as possible, then the outer
/// axes are walked with an odometer and the innermost one is handed to a tight `body`.
struct StridedLayout {
    var extents: [Int]
    /// `strides[operand][axis]`.
    var strides: [[Int]]
    /// Each operand's offset at the first position (non-zero for a part of a larger layout).
    var base: [Int]

    /// Drops extent-1 axes and merges neighbours that every operand walks contiguously.
    init(extents rawExtents: [Int], strides rawStrides: [[Int]]) {
        var extents: [Int] = []
        var strides = [[Int]](repeating: [], count: rawStrides.count)
        for axis in rawExtents.indices where rawExtents[axis] != 1 {
            let canMerge = !extents.isEmpty && rawStrides.indices.allSatisfy { operand in
                strides[operand][strides[operand].count - 1] == rawStrides[operand][axis] &* rawExtents[axis]
            }
            if canMerge {
                extents[extents.count - 1] &*= rawExtents[axis]
                for operand in rawStrides.indices {
                    strides[operand][strides[operand].count - 1] = rawStrides[operand][axis]
                }
            } else {
                extents.append(rawExtents[axis])
                for operand in rawStrides.indices { strides[operand].append(rawStrides[operand][axis]) }
            }
        }
        if extents.isEmpty {
            extents = [1]
            strides = strides.map { _ in [0] }
        }
        self.extents = extents
        self.strides = strides
        base = [Int](repeating: 0, count: rawStrides.count)
    }

    /// The number of positions.
    var count: Int { extents.reduce(1, &*) }

    /// `forEachRow`, with the positions split across workers when there are enough of them.
    ///
    /// Splits the outermost axis (or, for a single axis, that axis itself) into one contiguous part
    /// per worker; `body` must only write through offsets of an operand that no two positions
    /// share (the output).
    func forEachRowInParallel(_ body: (UnsafePointer<Int>, Int, UnsafePointer<Int>) -> Void) {
        let parts = min(Parallelism.workers, extents[0], count / Parallelism.minimumElementsPerWorker)
        guard parts > 1 else {
            forEachRow(body)
            return
        }
        Parallelism.run(iterations: parts) { part in
            let start = extents[0] * part / parts, end = extents[0] * (part + 1) / parts
            var piece = self
            piece.extents[0] = end - start
            for operand in strides.indices { piece.base[operand] = base[operand] &+ start &* strides[operand][0] }
            piece.forEachRow(body)
        }
    }

    /// Calls `body(offsets, innerCount, innerStrides)` for every position of the outer axes, with
    /// each operand's element offset; the innermost axis is left to `body`.
    @inline(__always)
    func forEachRow(_ body: (UnsafePointer<Int>, Int, UnsafePointer<Int>) -> Void) {
        let operands = strides.count
        let outerRank = extents.count - 1
        let inner = extents[outerRank]
        if extents.contains(0) { return }
        // Plain pointers rather than arrays: the odometer runs once per row, often millions of times.
        let innerStrides = UnsafeMutablePointer<Int>.allocate(capacity: operands)
        let offsets = UnsafeMutablePointer<Int>.allocate(capacity: operands)
        let counter = UnsafeMutablePointer<Int>.allocate(capacity: max(outerRank, 1))
        let outerStrides = UnsafeMutablePointer<Int>.allocate(capacity: max(outerRank, 1) &* operands)
        defer {
            innerStrides.deallocate(); offsets.deallocate(); counter.deallocate(); outerStrides.deallocate()
        }
        for operand in 0..<operands {
            innerStrides[operand] = strides[operand][outerRank]
            offsets[operand] = base[operand]
            for axis in 0..<outerRank { outerStrides[axis &* operands &+ operand] = strides[operand][axis] }
        }
        for axis in 0..<max(outerRank, 1) { counter[axis] = 0 }
        while true {
            body(UnsafePointer(offsets), inner, UnsafePointer(innerStrides))
            // Advance the odometer over the outer axes, last axis fastest.
            var axis = outerRank - 1
            while axis >= 0 {
                counter[axis] &+= 1
                let axisStrides = outerStrides + axis &* operands
                for operand in 0..<operands { offsets[operand] &+= axisStrides[operand] }
                if counter[axis] < extents[axis] { break }
                for operand in 0..<operands { offsets[operand] &-= axisStrides[operand] &* extents[axis] }
                counter[axis] = 0
                axis -= 1
            }
            if axis < 0 { return }
        }
    }
}

/// Copies a strided view of `source` into a strided view of `destination` (same extents).
func stridedCopy(extents: [Int], from source: UnsafePointer<Float>, offset sourceOffset: Int, strides sourceStrides: [Int],
                 to destination: UnsafeMutablePointer<Float>, offset destinationOffset: Int, strides destinationStrides: [Int]) {
    let layout = StridedLayout(extents: extents, strides: [destinationStrides, sourceStrides])
    layout.forEachRow { offsets, inner, innerStrides in
        let d = destination + (destinationOffset &+ offsets[0]), s = source + (sourceOffset &+ offsets[1])
        let ds = innerStrides[0], ss = innerStrides[1]
        if ds == 1 && ss == 1 {
            d.update(from: s, count: inner)
        } else {
            for i in 0..<inner { d[i &* ds] = s[i &* ss] }
        }
    }
}
