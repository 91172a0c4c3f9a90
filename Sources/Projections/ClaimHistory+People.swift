import Billing
import Foundation

extension ClaimHistory {
    /// The history as a table people read (`rcm report claim` without `--format`): the total balance and the
    /// database login (when it is the actor's) are left to CSV and JSON.
    static func compact(_ entries: [Entry]) -> Report {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return Report(
            name: "claim-history",
            columns: [
                .init("position", .count), .init("event", .text), .init("effective", .text), .init("recorded_utc", .text),
                .init("actor", .text), .init("source", .text), .init("reason", .text), .init("insurance", .money),
                .init("patient", .money),
            ],
            rows: entries.map { e in
                [
                    .count(e.position), .text(e.eventType), .text(e.effectiveDate), .text(formatter.string(from: e.recordedAt)),
                    .text(e.actor == e.dbUser ? e.actor : "\(e.actor) (\(e.dbUser))"), .text(shortSource(e.source)),
                    (e.reason ?? e.detail).map { .text($0) } ?? .null, .money(e.insuranceBalance), .money(e.patientBalance),
                ]
            })
    }

    /// `x12:<sha256>:0002` → `x12:3fe24a5f1e50…:0002`: enough of the file's digest to tell files apart.
    static func shortSource(_ source: String) -> String {
        var parts = source.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == "x12", parts[1].count > 12 else { return source }
        parts[1] = String(parts[1].prefix(12)) + "…"
        return parts.joined(separator: ":")
    }

    /// A denial named by its first code (`CO-50`), or by its id when the claim does not know it.
    static func codes(_ id: DenialID, _ claim: Claim.State) -> String {
        guard let denial = claim.denials[id] else { return "denial \(id)" }
        return claim.denialText(denial).split(separator: " ").first.map(String.init) ?? id.description
    }

    /// What a claim event says of itself, given the claim after it.
    static func detail(_ event: Claim.Event, after claim: Claim.State) -> String? {
        switch event {
        case .scrubbed(let e):
            let errors = e.findings.filter { $0.severity == .error }.map(\.ruleID)
            return errors.isEmpty ? "scrub passed" : "scrub errors: " + errors.joined(separator: " ")
        case .rejected(let e): return "\(e.category):\(e.statusCode) \(e.message)"
        case .denied(let e): return claim.denialText(claim.denials[e.denial.denialID] ?? e.denial)
        case .denialAssigned(let e): return "\(codes(e.denialID, claim)) to \(e.owner), due \(e.dueDate)"
        case .appealed(let e): return "\(codes(e.denialID, claim)), reference \(e.reference)"
        case .responsibilityTransferred(let e): return "\(e.amount) to \(e.to)"
        case .writtenOff(let e): return "\(e.amount) written off (\(e.reason.rawValue), \(e.side.rawValue))"
        default: return nil
        }
    }
}
