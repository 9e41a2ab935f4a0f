/// The words and `key=value` settings after a code fence, read from the fence line as written.
///
/// Grammar (whitespace separates tokens):
///
///     info     := language (word | setting)*
///     word     := bare
///     setting  := bare "=" (bare | quoted)
///     bare     := one or more characters other than whitespace, `=` and `"`
///     quoted   := `"` (any character but `"` and `\`, or `\"`, or `\\`)* `"`
///
/// The fence line is read from the file rather than from cmark's info string because cmark resolves
/// backslash escapes there, which would turn `\"` inside a quoted value into a closing quote.
struct InfoString: Equatable {
    struct Token: Equatable {
        enum Kind: Equatable {
            case word(String)
            case setting(key: String, value: String)
        }

        var kind: Kind
        /// 1-based column of the token's first character in the fence line.
        var column: Int
    }

    struct SyntaxError: Error, Equatable {
        var column: Int
        var message: String
        var fix: String
    }

    var language: String
    var languageColumn: Int
    var tokens: [Token]

    /// Reads the info string of the fence line `line`, whose fence is `fenceLength` characters long.
    init(fenceLine line: String, fenceLength: Int) throws {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        var fenceSeen = 0
        while index < scalars.count, fenceSeen < fenceLength,
              scalars[index] == "`" || scalars[index] == "~" {
            index += 1
            fenceSeen += 1
        }
        func skipSpace() {
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        }
        func readBare() -> String {
            var text = String.UnicodeScalarView()
            while index < scalars.count, !scalars[index].properties.isWhitespace,
                  scalars[index] != "=", scalars[index] != "\"" {
                text.append(scalars[index])
                index += 1
            }
            return String(text)
        }

        skipSpace()
        languageColumn = index + 1
        language = readBare()
        tokens = []
        while true {
            skipSpace()
            guard index < scalars.count else { break }
            let column = index + 1
            let key = readBare()
            if key.isEmpty {
                throw SyntaxError(column: column,
                                  message: "unexpected `\(scalars[index])` in the cell's settings",
                                  fix: "write settings as key=value, quoting values with spaces: message=\"Shapes differ\"")
            }
            guard index < scalars.count, scalars[index] == "=" else {
                if index < scalars.count, scalars[index] == "\"" {
                    throw SyntaxError(column: index + 1, message: "a quote follows `\(key)` without `=`",
                                      fix: "write \(key)=\"...\"")
                }
                tokens.append(Token(kind: .word(key), column: column))
                continue
            }
            index += 1
            var value: String
            if index < scalars.count, scalars[index] == "\"" {
                let quoteColumn = index + 1
                index += 1
                var text = String.UnicodeScalarView()
                var closed = false
                while index < scalars.count {
                    let scalar = scalars[index]
                    if scalar == "\\", index + 1 < scalars.count,
                       scalars[index + 1] == "\"" || scalars[index + 1] == "\\" {
                        text.append(scalars[index + 1])
                        index += 2
                    } else if scalar == "\"" {
                        index += 1
                        closed = true
                        break
                    } else {
                        text.append(scalar)
                        index += 1
                    }
                }
                guard closed else {
                    throw SyntaxError(column: quoteColumn, message: "the quoted value of `\(key)` is never closed",
                                      fix: "end the value with `\"` (write `\\\"` for a quote inside it)")
                }
                value = String(text)
                if index < scalars.count, !scalars[index].properties.isWhitespace {
                    throw SyntaxError(column: index + 1, message: "text directly after the quoted value of `\(key)`",
                                      fix: "put a space between settings")
                }
            } else {
                value = readBare()
                if value.isEmpty {
                    throw SyntaxError(column: index + 1, message: "`\(key)=` has no value",
                                      fix: "write \(key)=VALUE, or \(key)=\"a value with spaces\"")
                }
            }
            tokens.append(Token(kind: .setting(key: key, value: value), column: column))
        }
    }
}
