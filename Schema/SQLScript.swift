/// A SQL script cut into its statements, where psql would cut it, so that each can be sent on its own.
///
/// A statement ends at a semicolon outside quotes, comments and parentheses: single-quoted strings (with
/// `''`, and backslash escapes in `E'…'`), quoted identifiers (`"…"`), dollar-quoted bodies (`$$…$$`,
/// `$tag$…$tag$`, whose tag must match to close), `--` line comments, nested `/* … */` comments, and the
/// `BEGIN ATOMIC … END` body of a SQL-standard function. Leading blanks and comments are not part of a
/// statement; a piece holding only blanks and comments is no statement. The cut never fails: an
/// unterminated quote or comment runs to the end, and the server then names the error.
public struct SQLScript: Sendable, Equatable {
    /// One statement of the script.
    public struct Statement: Sendable, Equatable {
        /// The statement's text, from its first character to its semicolon (included when there is one).
        public let text: String
        /// The 1-based line of the script on which the statement starts.
        public let line: Int
    }

    /// The statements, in order.
    public let statements: [Statement]

    /// Cuts `text` into statements.
    public init(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        statements = scanner.statements()
    }
}

extension SQLScript {
    /// The lexer: one pass over the script's UTF-8 bytes (every character that matters is ASCII).
    struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        /// Where the current statement's first character is, once one has been seen.
        var start: (index: Int, line: Int)?
        var parentheses = 0
        /// Depth of `BEGIN`/`CASE` … `END` inside a `CREATE FUNCTION|PROCEDURE` statement (its SQL body).
        var blocks = 0
        /// The current statement's first words (lower-cased, up to four), to recognise `CREATE FUNCTION`.
        var words: [String] = []
        var found: [Statement] = []

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func statements() -> [Statement] {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                    skipLineComment()
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    skipBlockComment()
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), 0x0B, 0x0C:
                    advance()
                case UInt8(ascii: ";") where parentheses == 0 && blocks == 0:
                    advance()
                    finish(at: index)
                default:
                    begin()
                    significant(byte)
                }
            }
            finish(at: index)
            return found
        }

        /// A character that belongs to a statement: a quote, a bracket, a word, or anything else.
        mutating func significant(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "'"):
                skipString(escapes: false)
            case UInt8(ascii: "\""):
                skipQuoted(until: UInt8(ascii: "\""))
            case UInt8(ascii: "$"):
                if let tag = dollarTag() { skipDollarQuoted(tag) } else { advance() }
            case UInt8(ascii: "("):
                parentheses += 1
                advance()
            case UInt8(ascii: ")"):
                parentheses = max(0, parentheses - 1)
                advance()
            case _ where Self.startsWord(byte):
                word()
            default:
                advance()
            }
        }

        func peek(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        mutating func advance() {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }

        mutating func begin() {
            if start == nil { start = (index, line) }
        }

        mutating func finish(at end: Int) {
            if let start {
                found.append(Statement(text: String(decoding: bytes[start.index..<end], as: UTF8.self), line: start.line))
            }
            start = nil
            parentheses = 0
            blocks = 0
            words = []
        }

        mutating func skipLineComment() {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { advance() }
        }

        /// `/* … */`, nested as PostgreSQL nests them.
        mutating func skipBlockComment() {
            var depth = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                    depth += 1
                    advance()
                    advance()
                } else if bytes[index] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                    depth -= 1
                    advance()
                    advance()
                    if depth == 0 { return }
                } else {
                    advance()
                }
            }
        }

        /// From an opening `'` past its closing one; `''` inside is a quote. In an `E'…'` string a
        /// backslash escapes the next character, `\'` included.
        mutating func skipString(escapes: Bool) {
            advance()
            while index < bytes.count {
                let byte = bytes[index]
                if escapes && byte == UInt8(ascii: "\\") && index + 1 < bytes.count {
                    advance()
                    advance()
                    continue
                }
                advance()
                if byte == UInt8(ascii: "'") {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "'") else { return }
                    advance()
                }
            }
        }

        /// From an opening quote past its closing one; a doubled quote inside is a quote.
        mutating func skipQuoted(until quote: UInt8) {
            advance()
            while index < bytes.count {
                let byte = bytes[index]
                advance()
                if byte == quote {
                    guard index < bytes.count, bytes[index] == quote else { return }
                    advance()
                }
            }
        }

        /// The tag of a dollar quote opening at `index` (`$$` → empty, `$fn$` → `fn`), or nil when the `$` opens
        /// none (`$1`, a lone `$`). A `$` inside a word never gets here: words are read whole.
        func dollarTag() -> [UInt8]? {
            var end = index + 1
            if end < bytes.count, Self.startsWord(bytes[end]) {
                while end < bytes.count, Self.isWordByte(bytes[end]), bytes[end] != UInt8(ascii: "$") { end += 1 }
            }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "$") else { return nil }
            return Array(bytes[(index + 1)..<end])
        }

        /// From `$tag$` past the matching `$tag$`; other tags inside are text.
        mutating func skipDollarQuoted(_ tag: [UInt8]) {
            let delimiter = [UInt8(ascii: "$")] + tag + [UInt8(ascii: "$")]
            for _ in delimiter { advance() }
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "$"), bytes[index...].starts(with: delimiter) {
                    for _ in delimiter { advance() }
                    return
                }
                advance()
            }
        }

        /// A word (keyword or identifier, `$` allowed after its first character). `E'…'` opens an escape string.
        /// In a `CREATE FUNCTION|PROCEDURE` statement, outside parentheses, `BEGIN` opens a block that `END`
        /// closes, and so does `CASE` inside one (psql's own rule).
        mutating func word() {
            let first = index
            while index < bytes.count, Self.isWordByte(bytes[index]) { advance() }
            let text = String(decoding: bytes[first..<index], as: UTF8.self).lowercased()
            if text == "e", index < bytes.count, bytes[index] == UInt8(ascii: "'") {
                skipString(escapes: true)
                return
            }
            if words.count < 4 { words.append(text) }
            guard createsRoutine, parentheses == 0 else { return }
            switch text {
            case "begin": blocks += 1
            case "case" where blocks > 0: blocks += 1
            case "end": blocks = max(0, blocks - 1)
            default: break
            }
        }

        /// True in `CREATE [OR REPLACE] FUNCTION|PROCEDURE`, whose SQL-standard body may hold semicolons.
        var createsRoutine: Bool {
            guard words.first == "create" else { return false }
            let kind = words.count > 1 && words[1] == "or" ? (words.count > 3 ? words[3] : nil) : (words.count > 1 ? words[1] : nil)
            return kind == "function" || kind == "procedure"
        }

        static func startsWord(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_") || byte >= 0x80
        }

        static func isWordByte(_ byte: UInt8) -> Bool {
            startsWord(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "$")
        }
    }
}
