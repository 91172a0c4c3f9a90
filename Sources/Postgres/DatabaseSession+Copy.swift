import CLibPQ

extension DatabaseSession {
    /// Bulk-loads rows with `COPY … FROM STDIN` (text format). `produce` is handed a writer and adds
    /// rows to it; the writer flushes to the server as it fills. Returns the number of rows copied.
    @discardableResult
    public func copyIn(_ sql: SQL, _ produce: (inout CopyWriter) throws -> Void) throws -> Int {
        _ = try check(PQexec(handle, sql.text), statement: sql.name)
        var writer = CopyWriter(session: self)
        do {
            try produce(&writer)
            try writer.flush()
        } catch {
            _ = PQputCopyEnd(handle, "aborted by the client")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            throw PostgresError(kind: .connection, statement: sql.name, message: Self.connectionMessage(handle))
        }
        let result = try check(PQgetResult(handle), statement: sql.name)
        drainResults()
        return result.affectedRows
    }

    /// Streams the output of `COPY … TO STDOUT`; `consume` receives each chunk (usually one row).
    /// Returns the number of bytes read.
    @discardableResult
    public func copyOut(_ sql: SQL, _ consume: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        _ = try check(PQexec(handle, sql.text), statement: sql.name)
        var total = 0
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 0)
            if length > 0, let buffer {
                defer { PQfreemem(buffer) }
                total += Int(length)
                try UnsafeRawPointer(buffer).withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    try consume(UnsafeBufferPointer(start: $0, count: Int(length)))
                }
            } else if length == -1 {
                break
            } else {
                throw PostgresError(kind: .connection, statement: sql.name, message: Self.connectionMessage(handle))
            }
        }
        _ = try check(PQgetResult(handle), statement: sql.name)
        drainResults()
        return total
    }

    func sendCopyData(_ bytes: [UInt8]) throws {
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard status == 1 else {
            throw PostgresError(kind: .connection, message: Self.connectionMessage(handle))
        }
    }

    func drainResults() {
        while let extra = PQgetResult(handle) { PQclear(extra) }
    }
}

/// Collects rows for `COPY … FROM STDIN` in PostgreSQL's text format, escaping each value.
public struct CopyWriter: ~Copyable {
    private let session: DatabaseSession
    private var buffer: [UInt8] = []
    private var rowOpen = false
    /// The number of rows written so far.
    public private(set) var rowCount = 0

    init(session: DatabaseSession) {
        self.session = session
        buffer.reserveCapacity(1 << 16)
    }

    /// Writes one row; `nil` values are written as NULL.
    public mutating func writeRow(_ values: [String?]) throws {
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(9) }
            if let value { append(escaping: value) } else { buffer.append(contentsOf: [92, 78]) }
        }
        buffer.append(10)
        rowCount += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try session.sendCopyData(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func append(escaping value: String) {
        for byte in value.utf8 {
            switch byte {
            case 92: buffer.append(contentsOf: [92, 92])
            case 9: buffer.append(contentsOf: [92, 116])
            case 10: buffer.append(contentsOf: [92, 110])
            case 13: buffer.append(contentsOf: [92, 114])
            default: buffer.append(byte)
            }
        }
    }
}
