import Dispatch
import Foundation
import Postgres
import Synchronization

/// What a timed loop of clients did.
struct LoopResult: Sendable {
    /// Operations (statements or appends) that finished inside the measured window.
    var operations = 0
    /// Events (rows) those operations wrote or read.
    var events = 0
    /// The measured window, in seconds.
    var seconds = 0.0
    /// The latency of each counted operation, in nanoseconds.
    var latencies: [UInt64] = []
    /// For `.seconds`: the sum over clients of events / (end of the client's last counted operation − start),
    /// so the operation cut off by the deadline biases neither long nor short operations.
    var clientRateSum = 0.0

    var eventsPerSecond: Double {
        if clientRateSum > 0 { return clientRateSum }
        return seconds > 0 ? Double(events) / seconds : 0
    }
}

/// How long a loop runs: for a time, or until each client has written a number of events.
enum LoopLength: Sendable {
    case seconds(Double)
    case eventsPerClient(Int)
}

/// Runs `clients` threads, each with its own blocking session on `settings`, each calling its step in a
/// loop. The same loop drives the product's appends and the plain-PostgreSQL limits, so the two differ only
/// in the statement each step sends.
///
/// `makeStep(client, session)` runs on the client's thread and returns the step; a step does one
/// operation and returns how many events it wrote. Each client makes `warmUp` untimed steps first
/// (prepared statements, caches), then all start together. For `.seconds`, only operations that end before
/// the deadline count, a client's rate is its events over the time from the start to the end of its last
/// counted operation, and the loop's rate is the sum of its clients' rates (so the operation the deadline
/// cuts off biases neither long nor short operations); for `.eventsPerClient`, the window runs from the
/// start until the last client is done.
func runClients(
    _ clients: Int, _ length: LoopLength, settings: ConnectionSettings, warmUp: Int = 3,
    makeStep: @escaping @Sendable (_ client: Int, _ session: DatabaseSession) throws -> () throws -> Int
) throws -> LoopResult {
    final class Shared: Sendable {
        let ready = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let window = Mutex<(start: UInt64, deadline: UInt64)>((0, 0))
        let result = Mutex(LoopResult())
        let failure = Mutex<String?>(nil)
    }
    let shared = Shared()
    for client in 0..<clients {
        shared.done.enter()
        let thread = Thread {
            defer { shared.done.leave() }
            var latencies: [UInt64] = []
            latencies.reserveCapacity(1 << 16)
            var operations = 0
            var events = 0
            var started: UInt64 = 0
            var lastEnd: UInt64 = 0
            var step: (() throws -> Int)?
            do {
                let session = try DatabaseSession(conninfo: settings.conninfo)
                let made = try makeStep(client, session)
                for _ in 0..<warmUp { _ = try made() }
                step = made
                shared.ready.signal()
                shared.gate.wait()
                let (windowStart, deadline) = shared.window.withLock { $0 }
                started = windowStart
                loop: while true {
                    let start = nanoseconds()
                    if case .seconds = length, start >= deadline { break loop }
                    let written = try made()
                    let end = nanoseconds()
                    if case .seconds = length, end > deadline { break loop }
                    operations += 1
                    events += written
                    latencies.append(end - start)
                    lastEnd = end
                    if case .eventsPerClient(let quota) = length, events >= quota { break loop }
                }
                withExtendedLifetime(session) {}
            } catch {
                shared.failure.withLock { $0 = $0 ?? "client \(client): \(error)" }
                if step == nil {
                    shared.ready.signal()
                    shared.gate.wait()
                }
            }
            shared.result.withLock { result in
                result.operations += operations
                result.events += events
                result.latencies.append(contentsOf: latencies)
                if case .seconds = length, lastEnd > started {
                    result.clientRateSum += Double(events) / (Double(lastEnd - started) / 1_000_000_000)
                }
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
    }
    for _ in 0..<clients { shared.ready.wait() }
    let start = nanoseconds()
    let duration: Double = if case .seconds(let duration) = length { duration } else { 0 }
    shared.window.withLock { $0 = (start, start + UInt64(duration * 1_000_000_000)) }
    for _ in 0..<clients { shared.gate.signal() }
    shared.done.wait()
    let elapsed = seconds(since: start)
    if let failure = shared.failure.withLock({ $0 }) {
        throw BenchError.failed(failure)
    }
    var result = shared.result.withLock { $0 }
    switch length {
    case .seconds(let duration): result.seconds = duration
    case .eventsPerClient: result.seconds = elapsed
    }
    return result
}

/// A step failed, or a phase could not run.
enum BenchError: Error, CustomStringConvertible {
    case failed(String)

    var description: String {
        switch self {
        case .failed(let message): message
        }
    }
}

/// A small deterministic random generator (SplitMix64), so every loop draws its practices the same way.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
