/// The header of a `.npy` file: the Python dictionary literal NumPy writes after the magic,
/// e.g. `{'descr': '<f4', 'fortran_order': False, 'shape': (120, 64, 64, 3), }`.
///
/// Grammar accepted (what `numpy.lib.format` writes, plus Python 2's `L` suffix on integers):
///
///     header  := '{' (entry (',' entry)* ','?)? '}'
///     entry   := string ':' value
///     value   := string | 'True' | 'False' | tuple
///     tuple   := '(' (integer (',' integer)* ','?)? ')'
///
/// Exactly the keys `descr`, `fortran_order` and `shape` must be present, as NumPy requires.
struct NumPyHeader: Equatable {
    var descr: String
    var fortranOrder: Bool
    var shape: [Int]

    /// The literal as NumPy writes it, without padding.
    var literal: String {
        let extents = shape.map(String.init)
        let tuple = extents.count == 1 ? "(\(extents[0]),)" : "(\(extents.joined(separator: ", ")))"
        return "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(tuple), }"
    }

    /// Parses `text`; throws `DataError.corrupt` naming `file` and the position of the problem.
    init(parsing text: String, file: String) throws {
        var parser = Parser(characters: Array(text.unicodeScalars), file: file)
        let entries = try parser.dictionary()
        let keys = Set(entries.map(\.key))
        guard keys == ["descr", "fortran_order", "shape"], entries.count == 3 else {
            throw DataError.corrupt(file: file, reason: "the .npy header has keys \(entries.map(\.key)); "
                + "expected exactly 'descr', 'fortran_order' and 'shape'")
        }
        var descr: String?, fortranOrder: Bool?, shape: [Int]?
        for (key, value) in entries {
            switch (key, value) {
            case let ("descr", .string(text)): descr = text
            case let ("fortran_order", .boolean(flag)): fortranOrder = flag
            case let ("shape", .tuple(extents)): shape = extents
            case ("descr", .list):
                throw DataError.unsupported(file: file, reason: "the array has a structured dtype (fields); "
                    + "save a plain numeric array")
            default:
                throw DataError.corrupt(file: file, reason: "the .npy header's '\(key)' has the wrong kind of value")
            }
        }
        // The guard above ensured all three keys were seen once each.
        self.descr = descr ?? ""
        self.fortranOrder = fortranOrder ?? false
        self.shape = shape ?? []
    }

    init(descr: String, fortranOrder: Bool, shape: [Int]) {
        self.descr = descr
        self.fortranOrder = fortranOrder
        self.shape = shape
    }

    private enum Value {
        case string(String)
        case boolean(Bool)
        case tuple([Int])
        /// A list, which in a header means a structured dtype; recorded to refuse it clearly.
        case list
    }

    /// A recursive-descent parser over the header's characters.
    private struct Parser {
        let characters: [Unicode.Scalar]
        let file: String
        var position = 0

        mutating func dictionary() throws -> [(key: String, value: Value)] {
            try expect("{")
            var entries: [(key: String, value: Value)] = []
            while true {
                skipSpaces()
                if peek() == "}" { position += 1; break }
                guard case let .string(key) = try value() else { throw problem("a dictionary key must be a string") }
                try expect(":")
                entries.append((key, try value()))
                skipSpaces()
                if peek() == "," { position += 1; continue }
                try expect("}")
                break
            }
            skipSpaces()
            guard position == characters.count else { throw problem("unexpected text after the dictionary") }
            return entries
        }

        private mutating func value() throws -> Value {
            skipSpaces()
            guard let first = peek() else { throw problem("the header ends inside the dictionary") }
            switch first {
            case "'", "\"": return .string(try string())
            case "(": return .tuple(try tuple())
            case "[": return .list
            default:
                if take(word: "True") { return .boolean(true) }
                if take(word: "False") { return .boolean(false) }
                throw problem("unexpected character '\(first)'")
            }
        }

        private mutating func string() throws -> String {
            guard let quote = peek() else { throw problem("expected a string") }
            position += 1
            var text = ""
            while let character = peek() {
                position += 1
                if character == quote { return text }
                text.unicodeScalars.append(character)
            }
            throw problem("a string is not closed")
        }

        private mutating func tuple() throws -> [Int] {
            try expect("(")
            var extents: [Int] = []
            while true {
                skipSpaces()
                if peek() == ")" { position += 1; return extents }
                extents.append(try integer())
                guard extents.count <= 64 else { throw problem("more than 64 dimensions") }
                skipSpaces()
                if peek() == "," { position += 1; continue }
                try expect(")")
                return extents
            }
        }

        private mutating func integer() throws -> Int {
            var value = 0, digits = 0
            while let character = peek(), character.value >= 48, character.value <= 57 {
                let digit = Int(character.value - 48)
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { throw problem("a dimension is too large") }
                value = sum
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw problem("expected a non-negative integer dimension") }
            if peek() == "L" { position += 1 }
            return value
        }

        private mutating func expect(_ character: Unicode.Scalar) throws {
            skipSpaces()
            guard peek() == character else { throw problem("expected '\(character)'") }
            position += 1
        }

        private mutating func take(word: String) -> Bool {
            let scalars = Array(word.unicodeScalars)
            guard position + scalars.count <= characters.count,
                  Array(characters[position ..< position + scalars.count]) == scalars else { return false }
            position += scalars.count
            return true
        }

        private mutating func skipSpaces() {
            while let character = peek(), character == " " || character == "\n" || character == "\t" || character == "\r" {
                position += 1
            }
        }

        private func peek() -> Unicode.Scalar? {
            position < characters.count ? characters[position] : nil
        }

        private func problem(_ what: String) -> DataError {
            .corrupt(file: file, reason: "the .npy header is not a valid dictionary at character \(position): \(what)")
        }
    }
}
