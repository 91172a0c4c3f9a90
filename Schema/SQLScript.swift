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

extension SQLScript.Statement {
    /// What the migrator sends for this statement: the statement itself, or, for an `ALTER TABLE` that adds a
    /// constraint, the same change in the form Citus takes: one `ALTER TABLE` per subcommand in the written order,
    /// and a column's unnamed `CHECK` added after the column under the name PostgreSQL would give it
    /// (`<table>_<column>_check`).
    ///
    /// Citus refuses `ADD CONSTRAINT` beside other subcommands, and a column added with an unnamed constraint, on a
    /// distributed or reference table (0A000; V0019's `ALTER TABLE rcm_auth.totp_factors` does both), and a landed
    /// migration is never edited. The catalog that results is the same on both engines (`MigrationTests`). Only
    /// this shape is cut, so every other statement is sent exactly as written; a subcommand that needed a later one
    /// first fails on the server (nothing of its migration stays), never silently.
    public var sentAs: [String] {
        var scanner = SQLScript.Scanner(Array(text.utf8))
        _ = scanner.statements()
        let bytes = scanner.bytes
        guard let (header, table) = Self.alterTableHeader(bytes) else { return [text] }
        var bounds = [header] + scanner.commas.map { $0 + 1 }
        var end = bytes.count
        if let semicolon = bytes.lastIndex(of: UInt8(ascii: ";")), semicolon > (scanner.commas.last ?? 0) { end = semicolon }
        bounds.append(end + 1)
        var subcommands: [ArraySlice<UInt8>] = []
        for (from, to) in zip(bounds, bounds.dropFirst()) { subcommands.append(bytes[from..<(to - 1)]) }
        var parts: [String] = []
        var addsConstraint = false
        for subcommand in subcommands {
            let tokens = Self.tokens(subcommand)
            guard !tokens.isEmpty else { return [text] }
            if tokens[0].text == "add", tokens.count > 1,
                ["constraint", "check", "unique", "primary", "foreign", "exclude"].contains(tokens[1].text)
            {
                addsConstraint = true
            }
            if let (column, check) = Self.columnCheck(tokens, table: table) {
                addsConstraint = true
                parts.append(Self.trimmed(subcommand[subcommand.startIndex..<check.lowerBound]) + " " + Self.trimmed(subcommand[check.upperBound...]))
                parts.append("ADD CONSTRAINT \(table)_\(column)_check " + Self.trimmed(subcommand[check]))
            } else {
                parts.append(Self.trimmed(subcommand))
            }
        }
        guard addsConstraint, parts.count > 1 else { return [text] }
        let prefix = Self.trimmed(bytes[0..<header])
        return parts.map { "\(prefix) \(Self.trimmedText($0));" }
    }

    /// An `ADD [COLUMN] [IF NOT EXISTS] column type …` with exactly one unnamed `CHECK (…)` [`NO INHERIT`]: the
    /// column's name and the byte range of that clause. Nil for anything else, or when PostgreSQL's name for it
    /// would be cut to 63 bytes.
    static func columnCheck(_ tokens: [Token], table: String) -> (String, Range<Int>)? {
        guard tokens.first?.text == "add" else { return nil }
        var index = 1
        if index < tokens.count, tokens[index].text == "column" { index += 1 }
        if index + 2 < tokens.count, tokens[index].text == "if", tokens[index + 1].text == "not", tokens[index + 2].text == "exists" {
            index += 3
        }
        guard index < tokens.count, tokens[index].isWord,
            !["constraint", "check", "unique", "primary", "foreign", "exclude"].contains(tokens[index].text)
        else { return nil }
        let column = tokens[index].text
        let checks = tokens.indices.filter { $0 > index && tokens[$0].text == "check" }
        guard checks.count == 1, let at = checks.first, at + 1 < tokens.count, tokens[at + 1].text.hasPrefix("("),
            tokens[at - 2].text != "constraint"
        else { return nil }
        var upper = tokens[at + 1].range.upperBound
        if at + 3 < tokens.count, tokens[at + 2].text == "no", tokens[at + 3].text == "inherit" { upper = tokens[at + 3].range.upperBound }
        guard table.utf8.count + column.utf8.count + "_check".utf8.count + 1 <= 63 else { return nil }
        return (column, tokens[at].range.lowerBound..<upper)
    }

    /// A token outside parentheses: a word (lower-cased), a quoted identifier or string, a parenthesised group
    /// whole, or one other character; with its byte range.
    struct Token {
        let text: String
        let range: Range<Int>
        var isWord: Bool { text.first.map { $0.isLetter || $0 == "_" } ?? false }
    }

    static func tokens(_ bytes: ArraySlice<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var index = bytes.startIndex
        func skipQuoted(_ quote: UInt8) {
            index += 1
            while index < bytes.endIndex {
                if bytes[index] == quote {
                    if index + 1 < bytes.endIndex, bytes[index + 1] == quote { index += 2; continue }
                    index += 1
                    return
                }
                index += 1
            }
        }
        while index < bytes.endIndex {
            let first = index
            let byte = bytes[index]
            if [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(byte) {
                index += 1
                continue
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                skipQuoted(byte)
            } else if byte == UInt8(ascii: "(") {
                var depth = 0
                while index < bytes.endIndex {
                    let inner = bytes[index]
                    if inner == UInt8(ascii: "'") || inner == UInt8(ascii: "\"") { skipQuoted(inner); continue }
                    if inner == UInt8(ascii: "(") { depth += 1 }
                    if inner == UInt8(ascii: ")") { depth -= 1 }
                    index += 1
                    if depth == 0 { break }
                }
            } else if SQLScript.Scanner.startsWord(byte) {
                while index < bytes.endIndex, SQLScript.Scanner.isWordByte(bytes[index]) { index += 1 }
            } else {
                index += 1
            }
            let text = String(decoding: bytes[first..<index], as: UTF8.self)
            tokens.append(Token(text: SQLScript.Scanner.startsWord(byte) ? text.lowercased() : text, range: first..<index))
        }
        return tokens
    }

    /// The end of `ALTER TABLE [IF EXISTS] [ONLY] name [*]` at the start of a statement and the table's own name
    /// (unquoted, without its schema), or nil for any other statement or a quoted table name.
    static func alterTableHeader(_ bytes: [UInt8]) -> (Int, String)? {
        let tokens = Self.tokens(bytes[...])
        guard tokens.count > 2, tokens[0].text == "alter", tokens[1].text == "table" else { return nil }
        var index = 2
        if index + 1 < tokens.count, tokens[index].text == "if", tokens[index + 1].text == "exists" { index += 2 }
        if index < tokens.count, tokens[index].text == "only" { index += 1 }
        var name = ""
        while index < tokens.count {
            guard tokens[index].isWord else { return nil }
            name = tokens[index].text
            index += 1
            if index < tokens.count, tokens[index].text == "." { index += 1 } else { break }
        }
        guard !name.isEmpty, index < tokens.count else { return nil }
        if tokens[index].text == "*" { index += 1 }
        guard index < tokens.count else { return nil }
        return (tokens[index - 1].range.upperBound, name)
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String { trimmedText(String(decoding: bytes, as: UTF8.self)) }

    static func trimmedText(_ text: String) -> String {
        let blanks: Set<Character> = [" ", "\t", "\r", "\n", "\r\n"]
        var text = Substring(text)
        while let first = text.first, blanks.contains(first) { text = text.dropFirst() }
        while let last = text.last, blanks.contains(last) { text = text.dropLast() }
        return String(text)
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
        /// Byte offsets of the commas outside quotes, comments and parentheses (read by `Statement.sentAs`).
        var commas: [Int] = []

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
            case UInt8(ascii: ",") where parentheses == 0:
                commas.append(index)
                advance()
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
