import EventStore
import Foundation

/// A file's answers appended each under its own idempotency key (its trace), in few calls: one look-up of the keys
/// used and one append per chunk of a practice's answers, in the caller's transaction. Re-importing a file, or a file
/// that overlaps an earlier one, appends no answer twice: the look-up skips what was recorded before, and the append
/// function itself skips a key used meanwhile (it holds the practice's lock) or repeated within the file.
enum KeyedAnswers {
    /// Keys or events per call.
    static let chunk = 2_000

    /// Which of `keys` the practice's log has used already.
    static func used(_ keys: [String], tenant: TenantID, in tx: any StoreTransaction) throws -> Set<String> {
        var used = Set<String>()
        for start in stride(from: 0, to: keys.count, by: chunk) {
            used.formUnion(try tx.log.usedKeys(tenant: tenant, among: Array(keys[start..<min(start + chunk, keys.count)])))
        }
        return used
    }

    /// Appends the events, each under its key; one result per event, in order.
    static func append(_ events: [KeyedEvent], tenant: TenantID, in tx: any StoreTransaction) throws -> [KeyedAppended] {
        var results: [KeyedAppended] = []
        results.reserveCapacity(events.count)
        for start in stride(from: 0, to: events.count, by: chunk) {
            results += try tx.log.appendEach(tenant: tenant, Array(events[start..<min(start + chunk, events.count)]))
        }
        return results
    }

    /// The indices of `items` grouped by practice, practices in order of first appearance.
    static func byTenant<T>(_ items: [T], _ tenant: (T) -> TenantID) -> [(TenantID, [Int])] {
        var order: [TenantID] = []
        var groups: [TenantID: [Int]] = [:]
        for (index, item) in items.enumerated() {
            let id = tenant(item)
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(index)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
