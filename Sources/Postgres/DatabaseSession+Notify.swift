import CLibPQ
import Foundation

/// A notification received on a channel this session listens to.
public struct Notification: Sendable, Equatable {
    /// The channel.
    public let channel: String
    /// The payload (may be empty).
    public let payload: String
    /// The server process that sent it.
    public let senderPID: Int32
}

extension DatabaseSession {
    /// Starts listening on a channel. The name is quoted as an identifier by libpq.
    public func listen(_ channel: String) throws {
        try executeScript("LISTEN \(try quotedIdentifier(channel))", name: "listen")
    }

    /// Stops listening on a channel.
    public func unlisten(_ channel: String) throws {
        try executeScript("UNLISTEN \(try quotedIdentifier(channel))", name: "unlisten")
    }

    /// Sends a notification (through `pg_notify`, with the channel and payload bound as parameters).
    public func notify(_ channel: String, payload: String = "") throws {
        try query(SQL("notify", "SELECT pg_notify($1, $2)"), [channel, payload])
    }

    /// Waits up to `timeout` for notifications and returns those that arrived (empty on time-out).
    public func waitForNotifications(timeout: Duration) throws -> [Notification] {
        var received = drainNotifications()
        if !received.isEmpty { return received }
        let socket = PQsocket(handle)
        guard socket >= 0 else {
            throw PostgresError(kind: .connection, message: "the connection has no socket")
        }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0, errno != EINTR {
            throw PostgresError(kind: .connection, message: "poll failed with errno \(errno)")
        }
        // A server that shuts down sends its termination notice and closes: the status turns bad here.
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(kind: .connection, message: Self.connectionMessage(handle))
        }
        received = drainNotifications()
        return received
    }

    private func drainNotifications() -> [Notification] {
        var received: [Notification] = []
        while let raw = PQnotifies(handle) {
            let note = raw.pointee
            received.append(
                Notification(
                    channel: String(cString: note.relname), payload: String(cString: note.extra),
                    senderPID: note.be_pid))
            PQfreemem(raw)
        }
        return received
    }

    /// Quotes an identifier with libpq's rules (never used for values).
    public func quotedIdentifier(_ name: String) throws -> String {
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else {
            throw PostgresError(kind: .protocolViolation, message: Self.connectionMessage(handle))
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }
}
