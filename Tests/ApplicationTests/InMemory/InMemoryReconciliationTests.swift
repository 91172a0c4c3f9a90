import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Testing
import X12

/// Payer identities and deposit reconciliation through the core, in memory: updating a payer's ids, and
/// working unapplied money (apply to a named claim, hold, release, refund) with figures read from the 835 itself.
@Suite("Payer identities and reconciliation, in memory")
struct InMemoryReconciliationTests {
    static let slug = InMemoryWorld.slug

    @Test("a payer's ids change from a date on; show keeps every version; an id another payer owns is refused")
    func payerUpdates() async throws {
        let world = try await InMemoryWorld.make()
        let day = world.today
        let (_, events) = try await world.appended {
            try await world.core.updatePayer("aetna", x12PayerID: "60055", addAliases: ["1066033492"], effectiveFrom: day)
        }
        #expect(events.map(\.eventType) == ["company.payer_updated"])
        let (current, history) = try await world.core.payer("aetna")
        #expect(current.x12PayerID == "60055" && current.aliases == ["1066033492"])
        #expect(history.map(\.profile.x12PayerID) == ["60054", "60055"] && history.map(\.effectiveFrom) == [nil, day])
        #expect(
            try await world.refused { try await world.core.updatePayer("aetna", addAliases: ["01260"], effectiveFrom: day) }
                .contains("payer id 01260 already identifies magellan-bh"))
        #expect(
            try await world.refused { try await world.core.updatePayer("aetna", removeAliases: ["NOPE"], effectiveFrom: day) }
                .contains("aetna has no alias NOPE"))
        #expect(try await world.refused { try await world.core.updatePayer("cigna", name: "Cigna", effectiveFrom: day) }.contains("not in the catalog"))
    }

    /// An 835 of the loop with the claim numbers of its first two paid claims mangled, and those claim numbers.
    static func mangled(_ loop: InMemoryPayerLoop) throws -> (X12Upload, [String], RemittanceFigures) {
        let remit = try #require(loop.files("835").max { X12Segments.of($0.bytes).count < X12Segments.of($1.bytes).count })
        var text = String(decoding: remit.bytes, as: UTF8.self)
        let paid = X12Segments.of(remit.bytes).filter { $0[0] == "CLP" && (Money(parsing: $0[4]) ?? .zero) > .zero }.map { $0[1] }
        try #require(paid.count >= 2)
        for (index, number) in paid.prefix(2).enumerated() {
            text = text.replacingOccurrences(of: "CLP*\(number)*", with: "CLP*\(index == 0 ? "XX" : "YY")\(number.dropFirst(2))*")
        }
        let bytes = Array(text.utf8)
        return (X12Upload(bytes: bytes, fileName: "mangled.835"), Array(paid.prefix(2)), RemittanceFigures([remit.bytes]))
    }

    @Test("unapplied claim payments are applied to a named claim, held, released and refunded; the ledger reconciles throughout")
    func unappliedWork() async throws {
        let world = try await InMemoryWorld.make()
        let loop = try await InMemoryPayerLoop.make(world, count: 4, settings: SimulatorSettings(rejectPercent: 0, denyPercent: 0, reversePercent: 0))
        try await loop.acknowledge()
        let (upload, numbers, figures) = try Self.mangled(loop)
        _ = try await world.core.importRemittance(upload, tenant: Self.slug, acceptImbalance: false, reason: nil)
        var payments = try await world.core.remittances(tenant: Self.slug)
        let payment = try #require(payments.first)
        let trace = try #require(payment.ledger.received?.traceNumber)
        let stated = try #require(figures.payments.first { $0.trace == trace })
        #expect(payment.ledger.statedAmount == stated.amount, "BPR02 as the file states it")
        #expect(payment.ledger.reconciles && payment.ledger.state == .unapplied)
        #expect(payment.ledger.items.map(\.itemID) == ["U1", "U2"])
        #expect(payment.ledger.openAmount == (figures.paid[numbers[0]] ?? .zero) + (figures.paid[numbers[1]] ?? .zero))

        // Refusals write nothing: no such item, the wrong claim (its charges and lines are not this payment's).
        #expect(
            try await world.refused {
                try await world.core.applyUnapplied(item: "U9", trace: trace, payer: nil, to: ClaimNumber(numbers[0])!, tenant: Self.slug, reason: "x")
            }.contains("has no unapplied item U9"))
        try await world.refused {
            try await world.core.refundUnapplied(item: "U1", trace: trace, payer: nil, reference: " ", tenant: Self.slug)
        }

        let claim = try await world.core.applyUnapplied(
            item: "U1", trace: trace, payer: nil, to: ClaimNumber(numbers[0])!, tenant: Self.slug, reason: "the payer mangled the claim number")
        #expect(claim.insurancePaid == figures.paid[numbers[0]], "the claim's payment is the CLP04 of the file")
        #expect(
            try await world.refused {
                try await world.core.applyUnapplied(item: "U1", trace: trace, payer: nil, to: ClaimNumber(numbers[0])!, tenant: Self.slug, reason: "twice")
            }.contains("is applied"))
        try await world.core.holdUnapplied(item: "U2", trace: trace, payer: nil, tenant: Self.slug, reason: "called the payer")
        payments = try await world.core.remittances(tenant: Self.slug)
        #expect(payments.first?.ledger.state == .held)
        try await world.core.releaseUnapplied(item: "U2", trace: trace, payer: nil, tenant: Self.slug)
        try await world.core.refundUnapplied(item: "U2", trace: trace, payer: nil, reference: "CHK-20931", tenant: Self.slug)
        let shown = try await world.core.remittance(trace: trace, tenant: Self.slug)
        #expect(shown.count == 1 && shown[0].ledger.state == .reconciled && shown[0].ledger.reconciles)
        #expect(shown[0].ledger.items.map(\.state) == [.applied, .refunded])
        #expect(shown[0].ledger.refundedAmount == figures.paid[numbers[1]])
        #expect(try await world.refused { try await world.core.remittance(trace: "NOSUCH", tenant: Self.slug) }.contains("no payment with trace NOSUCH"))
    }
}
