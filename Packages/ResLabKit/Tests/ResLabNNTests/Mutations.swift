import Testing
@testable import ResLabNN

/// Seeded mutations of a valid file, for the readers' robustness tests: the same cases on every
/// run, so a failure can be reproduced from its case number.
struct Mutations {
    let original: [UInt8]
    /// Mutations favour the first `headerLength` bytes, where the structure lives.
    let headerLength: Int
    private var random: SeededRandom

    init(of original: [UInt8], headerLength: Int, seed: UInt64) {
        self.original = original
        self.headerLength = max(1, min(headerLength, original.count))
        random = SeededRandom(seed: seed)
    }

    /// The file cut at every offset within the header and at `extra` random offsets after it.
    mutating func truncations(extra: Int) -> [[UInt8]] {
        var offsets = Array(0 ..< headerLength)
        if original.count > headerLength {
            for _ in 0 ..< extra { offsets.append(headerLength + Int(random.next() % UInt64(original.count - headerLength))) }
        }
        return offsets.map { Array(original.prefix($0)) }
    }

    /// `count` copies with 1 to 4 bytes replaced, three in four of them inside the header, by a
    /// random byte or one of the values that most often upset parsers.
    mutating func byteFlips(count: Int) -> [[UInt8]] {
        let special: [UInt8] = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0x20, 0x22, 0x2C, 0x30, 0x39, 0x5B, 0x7B, 0x7D]
        return (0 ..< count).map { _ in
            var bytes = original
            for _ in 0 ... random.next() % 4 {
                let inHeader = random.next() % 4 != 0
                let position = Int(random.next() % UInt64(inHeader ? headerLength : bytes.count))
                bytes[position] = random.next() % 2 == 0 ? UInt8(truncatingIfNeeded: random.next())
                    : special[Int(random.next() % UInt64(special.count))]
            }
            return bytes
        }
    }

    /// `count` copies where one of `fields` (byte ranges holding a number or a name) is
    /// overwritten with random bytes, all zeros, or all ones.
    mutating func fieldEdits(_ fields: [Range<Int>], count: Int) -> [[UInt8]] {
        let usable = fields.filter { $0.upperBound <= original.count && !$0.isEmpty }
        guard !usable.isEmpty else { return [] }
        return (0 ..< count).map { _ in
            var bytes = original
            let field = usable[Int(random.next() % UInt64(usable.count))]
            let mode = random.next() % 3
            for index in field {
                bytes[index] = mode == 0 ? 0 : mode == 1 ? 0xFF : UInt8(truncatingIfNeeded: random.next())
            }
            return bytes
        }
    }

    /// `count` copies of a text header (`range`) where characters are replaced by ones drawn
    /// from `alphabet`: digits, brackets and keywords that keep the text close to valid.
    mutating func textEdits(in range: Range<Int>, alphabet: String, count: Int) -> [[UInt8]] {
        let letters = Array(alphabet.utf8)
        return (0 ..< count).map { _ in
            var bytes = original
            for _ in 0 ... random.next() % 3 {
                let position = range.lowerBound + Int(random.next() % UInt64(range.count))
                bytes[position] = letters[Int(random.next() % UInt64(letters.count))]
            }
            return bytes
        }
    }
}

/// Runs `read` on every case and records an issue for anything but success or a `DataError`.
///
/// Returns how many cases were refused and how many read; `read` itself checks that what it
/// got is valid. A crash inside a reader ends the test process, which fails the run too.
func expectOnlyDataErrors(_ cases: [[UInt8]], reader: String, sourceLocation: SourceLocation = #_sourceLocation,
                          _ read: ([UInt8]) throws -> Void) -> (refused: Int, read: Int) {
    var refused = 0, accepted = 0
    for (index, bytes) in cases.enumerated() {
        do {
            try read(bytes)
            accepted += 1
        } catch let error as DataError {
            refused += 1
            // Every refusal names the file and says something.
            if error.file.isEmpty || error.description.count < error.file.count + 8 {
                Issue.record("\(reader) case \(index): a DataError without a useful message: \(error)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("\(reader) case \(index): threw \(type(of: error)) \(error), not a DataError", sourceLocation: sourceLocation)
        }
    }
    return (refused, accepted)
}

extension Array {
    /// Every `n`th element, from the first: a sample of a long list of cases.
    func everyNth(_ n: Int) -> [Element] {
        stride(from: 0, to: count, by: n).map { self[$0] }
    }
}
