import CLibPQ

/// The rows a statement returned. Owns the libpq result and frees it when released.
///
/// `@unchecked Sendable`: the underlying `PGresult` is never changed after it is made, and libpq allows
/// reading a result from any thread.
public final class QueryResult: @unchecked Sendable {
    let handle: OpaquePointer
    /// The statement that produced these rows (for error messages).
    public let statement: String
    /// The number of rows.
    public let count: Int
    /// The column names, in order.
    public let columns: [String]
    private let columnIndex: [String: Int32]

    init(handle: OpaquePointer, statement: String) {
        self.handle = handle
        self.statement = statement
        self.count = Int(PQntuples(handle))
        let fieldCount = PQnfields(handle)
        var names: [String] = []
        var index: [String: Int32] = [:]
        for field in 0..<fieldCount {
            // COPY results report columns without names.
            let name = PQfname(handle, field).map { String(cString: $0) } ?? "column\(field)"
            names.append(name)
            if index[name] == nil { index[name] = field }
        }
        self.columns = names
        self.columnIndex = index
    }

    deinit { PQclear(handle) }

    /// The number of rows the statement changed (for INSERT, UPDATE, DELETE, COPY), if it says.
    public var affectedRows: Int {
        Int(String(cString: PQcmdTuples(handle))) ?? 0
    }

    /// The row at `index`.
    public subscript(index: Int) -> Row { Row(result: self, index: Int32(index)) }

    /// All rows, in order.
    public var rows: [Row] { (0..<count).map { self[$0] } }

    /// The first row, if any.
    public var first: Row? { count > 0 ? self[0] : nil }

    func fieldNumber(_ name: String) throws -> Int32 {
        guard let field = columnIndex[name] else {
            throw PostgresError(
                kind: .decoding, statement: statement, message: "the result has no column named \(name)",
                column: name)
        }
        return field
    }
}

/// One row of a `QueryResult`. Values are decoded on demand, by column name or position.
public struct Row: Sendable {
    let result: QueryResult
    let index: Int32

    /// Whether the named column is NULL.
    public func isNull(_ column: String) throws -> Bool {
        PQgetisnull(result.handle, index, try result.fieldNumber(column)) == 1
    }

    /// The named column's value; throws naming the column when it is NULL or does not fit `T`.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try decode(field: try result.fieldNumber(column), name: column, as: type)
    }

    /// The named column's value, or nil when it is NULL; throws naming the column when it does not fit `T`.
    public func decodeIfPresent<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        let field = try result.fieldNumber(column)
        if PQgetisnull(result.handle, index, field) == 1 { return nil }
        return try decode(field: field, name: column, as: type)
    }

    /// The value at a column position (0-based).
    public func decode<T: SQLDecodable>(at position: Int, as type: T.Type = T.self) throws -> T {
        let field = Int32(position)
        guard field >= 0, field < PQnfields(result.handle) else {
            throw PostgresError(
                kind: .decoding, statement: result.statement, message: "the result has no column \(position)")
        }
        return try decode(field: field, name: result.columns[position], as: type)
    }

    /// The raw text bytes of a column, or nil for NULL; valid only while the result lives.
    public func withRawText<R>(_ column: String, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) throws -> R {
        let field = try result.fieldNumber(column)
        if PQgetisnull(result.handle, index, field) == 1 { return try body(nil) }
        let length = Int(PQgetlength(result.handle, index, field))
        let pointer = UnsafeRawPointer(PQgetvalue(result.handle, index, field)!).assumingMemoryBound(to: UInt8.self)
        return try body(UnsafeBufferPointer(start: pointer, count: length))
    }

    private func decode<T: SQLDecodable>(field: Int32, name: String, as type: T.Type) throws -> T {
        if PQgetisnull(result.handle, index, field) == 1 {
            throw PostgresError(
                kind: .decoding, statement: result.statement,
                message: "column \(name) is NULL; expected \(T.self)", column: name)
        }
        let length = Int(PQgetlength(result.handle, index, field))
        let pointer = UnsafeRawPointer(PQgetvalue(result.handle, index, field)!).assumingMemoryBound(to: UInt8.self)
        guard let value = T(sqlText: UnsafeBufferPointer(start: pointer, count: length)) else {
            let typeOID = PQftype(result.handle, field)
            throw PostgresError(
                kind: .decoding, statement: result.statement,
                message: "column \(name) (type oid \(typeOID)) cannot be read as \(T.self)", column: name)
        }
        return value
    }
}
