import CLibPQ
import Foundation

/// One libpq connection, used through blocking calls.
///
/// A `DatabaseSession` is not thread-safe; it belongs to one thread at a time. Application code receives one
/// inside `Connection.run` or `Connection.withTransaction`, which call it on the connection's own
/// serial queue, never on Swift's cooperative thread pool.
public final class DatabaseSession {
    let handle: OpaquePointer
    private var preparedNames: [String: String] = [:]
    /// Numbers savepoints, so that every savepoint of this session has a name of its own.
    private var savepointSerial = 0

    /// Opens a connection with a libpq connection string or URL (empty: libpq's `PG*` variables).
    public init(conninfo: String) throws {
        guard let handle = PQconnectdb(conninfo) else {
            throw PostgresError(kind: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.connectionMessage(handle)
            PQfinish(handle)
            // 08001: sqlclient_unable_to_establish_sqlconnection (the server is down, restarting, or unreachable).
            throw PostgresError(kind: .connection, sqlState: "08001", message: message)
        }
        self.handle = handle
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        _ = try execute(SQL("session_setup", "SET TIME ZONE 'UTC'", prepared: false))
    }

    deinit { PQfinish(handle) }

    /// The database login this session runs as (`session_user`).
    public var user: String { String(cString: PQuser(handle)) }

    /// The server's process id for this session.
    public var backendPID: Int32 { PQbackendPID(handle) }

    /// True while the connection is usable and idle. An idle connection that has input waiting has
    /// heard from the server (a termination notice after a restart, say), so it is then checked with a
    /// round trip; a dead connection is found before it is lent, not when a statement fails.
    public var isHealthy: Bool {
        guard PQstatus(handle) == CONNECTION_OK, PQtransactionStatus(handle) == PQTRANS_IDLE else { return false }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return true }
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else { return false }
        guard let probe = PQexec(handle, "SELECT 1") else { return false }
        defer { PQclear(probe) }
        return PQresultStatus(probe) == PGRES_TUPLES_OK && PQstatus(handle) == CONNECTION_OK
    }

    /// Tries to reconnect with the same settings.
    public func reset() -> Bool {
        PQreset(handle)
        preparedNames.removeAll()
        guard PQstatus(handle) == CONNECTION_OK else { return false }
        return (try? execute(SQL("session_setup", "SET TIME ZONE 'UTC'", prepared: false))) != nil
    }

    /// Runs a statement with its parameters bound as `$1…$n` and returns its rows.
    @discardableResult
    public func query(_ sql: SQL, _ parameters: [any SQLBindable] = []) throws -> QueryResult {
        try query(sql, parameters.map(\.sqlParameter))
    }

    /// Runs a statement with already-encoded parameters and returns its rows.
    @discardableResult
    public func query(_ sql: SQL, _ parameters: [SQLParameter]) throws -> QueryResult {
        let result = try ParameterBuffer(parameters).withCArrays { values, lengths, formats in
            if sql.prepared {
                try prepareIfNeeded(sql, count: parameters.count)
                return PQexecPrepared(handle, sql.name, Int32(parameters.count), values, lengths, formats, 0)
            }
            return PQexecParams(handle, sql.text, Int32(parameters.count), nil, values, lengths, formats, 0)
        }
        return try check(result, statement: sql.name)
    }

    /// Runs a statement and returns the number of rows it changed.
    @discardableResult
    public func execute(_ sql: SQL, _ parameters: [any SQLBindable] = []) throws -> Int {
        try query(sql, parameters).affectedRows
    }

    /// Runs SQL text that may hold several statements and takes no parameters (migrations, DDL).
    public func executeScript(_ text: String, name: String) throws {
        _ = try check(PQexec(handle, text), statement: name)
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// Whether this is the outer transaction or a nested one is asked of libpq (`PQtransactionStatus`), not
    /// counted here, so no failed COMMIT or RELEASE can put a counter out of step: an idle connection gets
    /// `BEGIN`; one already in a transaction (open or failed) gets a `SAVEPOINT` with a name not used before
    /// on this session. `isolation` applies to an outer transaction only.
    public func withTransaction<T>(
        _ isolation: IsolationLevel = .readCommitted, _ body: (DatabaseSession) throws -> T
    ) throws -> T {
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE:
            return try outerTransaction(isolation, body)
        case PQTRANS_INTRANS, PQTRANS_INERROR:
            return try savepoint(body)
        default:
            throw PostgresError(
                kind: .connection, statement: "begin", message: "the connection is busy or lost; no transaction was started")
        }
    }

    /// True while the connection is inside a transaction block (open or failed), as libpq reports it.
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// BEGIN … COMMIT. A failed COMMIT has already ended the transaction on the server (the connection is
    /// idle), so ROLLBACK is sent only when a transaction is still open.
    private func outerTransaction<T>(_ isolation: IsolationLevel, _ body: (DatabaseSession) throws -> T) throws -> T {
        try executeScript("BEGIN ISOLATION LEVEL \(isolation.sql)", name: "begin")
        do {
            let value = try body(self)
            try executeScript("COMMIT", name: "commit")
            return value
        } catch {
            if isInTransaction { try? executeScript("ROLLBACK", name: "rollback") }
            throw error
        }
    }

    /// SAVEPOINT … RELEASE. On a throw (from `body` or from RELEASE in a failed transaction) the work since
    /// the savepoint is rolled back and the savepoint released, which leaves the enclosing transaction
    /// usable; nothing is sent when the enclosing transaction has already ended.
    private func savepoint<T>(_ body: (DatabaseSession) throws -> T) throws -> T {
        savepointSerial += 1
        let name = "rcm_sp_\(savepointSerial)"
        try executeScript("SAVEPOINT \(name)", name: "savepoint")
        do {
            let value = try body(self)
            try executeScript("RELEASE SAVEPOINT \(name)", name: "release")
            return value
        } catch {
            if isInTransaction {
                try? executeScript("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)", name: "rollback")
            }
            throw error
        }
    }

    private func prepareIfNeeded(_ sql: SQL, count: Int) throws {
        if let known = preparedNames[sql.name] {
            precondition(known == sql.text, "two different statements are named \(sql.name)")
            return
        }
        _ = try check(PQprepare(handle, sql.name, sql.text, Int32(count), nil), statement: sql.name)
        preparedNames[sql.name] = sql.text
    }

    /// Turns a libpq result into a `QueryResult`, or throws the error it carries.
    func check(_ result: OpaquePointer?, statement: String) throws -> QueryResult {
        guard let result else {
            throw PostgresError(kind: .connection, sqlState: "08006", statement: statement, message: Self.connectionMessage(handle))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_SINGLE_TUPLE,
            PGRES_PIPELINE_SYNC:
            return QueryResult(handle: result, statement: statement)
        default:
            let error = Self.error(from: result, connection: handle, statement: statement)
            PQclear(result)
            throw error
        }
    }

    static func error(from result: OpaquePointer, connection: OpaquePointer, statement: String) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        // A connection lost without a word from the server (a restart, a network cut) carries no SQLSTATE from
        // libpq; it is named 08006 (connection_failure), as PostgreSQL's own drivers do, so a message names it.
        let dropped = PQstatus(connection) != CONNECTION_OK
        let sqlState = field("C") ?? (dropped ? "08006" : nil)
        let message = field("M") ?? connectionMessage(connection)
        let lost = dropped || sqlState?.hasPrefix("08") == true
            || sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P03"
        return PostgresError(
            kind: lost || sqlState == nil ? .connection : .server, sqlState: sqlState, statement: statement,
            message: message, detail: field("D"), hint: field("H"), constraint: field("n"), column: field("c"))
    }

    static func connectionMessage(_ handle: OpaquePointer) -> String {
        let text = PQerrorMessage(handle).map { String(cString: $0) } ?? ""
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "the connection failed" : trimmed
    }
}

/// Transaction isolation levels.
public enum IsolationLevel: Sendable {
    /// PostgreSQL's default.
    case readCommitted
    /// A snapshot for the whole transaction.
    case repeatableRead
    /// Serializable snapshot isolation; may fail with SQLSTATE 40001 and need a retry.
    case serializable

    var sql: String {
        switch self {
        case .readCommitted: "READ COMMITTED"
        case .repeatableRead: "REPEATABLE READ"
        case .serializable: "SERIALIZABLE"
        }
    }
}
