import Foundation
import Testing
@testable import X12

/// A by-hand throughput check, not a timed test: it does nothing unless `X12_BENCH` is set.
///
/// `X12_BENCH=50 swift test -c release --filter ReadBenchmark` builds an 835 of about 50 MB by repeating
/// claims, reads it (envelopes, typed 835, balancing) and prints MB/s.
@Suite("read benchmark")
struct ReadBenchmark {
    /// An 835 of about `megabytes` MB: one payment, many two-line claims.
    static func largeRemittance(megabytes: Int) throws -> [UInt8] {
        let line = { (code: String, control: String) in
            ServicePayment(procedure: ProcedureCode(code: code), charge: X12Amount(cents: 20000), paid: X12Amount(cents: 9600),
                           units: X12Quantity(1), dates: [QualifiedDate("472", DatePeriod(start: X12Date(x12: "20260203")!))],
                           adjustments: [Adjustment(group: "CO", reason: "45", amount: X12Amount(cents: 8000)),
                                         Adjustment(group: "PR", reason: "2", amount: X12Amount(cents: 2400))],
                           lineControlNumber: control, allowed: X12Amount(cents: 12000))
        }
        let claimCount = megabytes * 1_000_000 / 270
        var claims: [ClaimPayment] = []
        claims.reserveCapacity(claimCount)
        for index in 0..<claimCount {
            claims.append(ClaimPayment(
                patientControlNumber: "BH-\(index)", status: "1", charge: X12Amount(cents: 40000), paid: X12Amount(cents: 19200),
                patientResponsibility: X12Amount(cents: 4800), filingIndicator: "12", payerClaimNumber: "ICN\(index)",
                patient: Party(entity: "QC", name: PersonName(last: "DOE", first: "JANE"), idQualifier: "MI", id: "M\(index)"),
                lines: [line("90837", "L\(index)-1"), line("90834", "L\(index)-2")]))
        }
        let remittance = Remittance(
            controlNumber: "0001",
            payment: .init(handlingCode: "I", amount: X12Amount(cents: 19200 * Int64(claimCount)), method: "ACH", date: X12Date(x12: "20260310")),
            trace: .init(number: "BENCH1", originatorID: "1123456789"), payer: .init(name: "ACME HEALTH"),
            payee: .init(name: "MINDFUL COUNSELING GROUP", idQualifier: "XX", id: "1679576722"), claims: claims)
        let envelope = InterchangeEnvelope(senderID: "PAYERSIM", receiverID: "RCMBILLING", date: X12Date(x12: "20260310")!,
                                           time: X12Time(hour: 12, minute: 0)!, interchangeControlNumber: 1, groupControlNumber: 1)
        return try Remittance.x12([remittance], envelope: envelope)
    }

    @Test("prints read throughput when X12_BENCH is set")
    func throughput() throws {
        guard let size = ProcessInfo.processInfo.environment["X12_BENCH"].flatMap(Int.init) else { return }
        let bytes = try Self.largeRemittance(megabytes: size)
        let megabytes = Double(bytes.count) / 1_000_000
        var best = Double.infinity
        for _ in 0..<3 {
            let start = Date()
            let file = try X12File(bytes: bytes)
            let (remits, _) = try file.remittances()
            let findings = remits.flatMap { $0.balanceFindings() }
            precondition(findings.isEmpty && remits[0].claims.count > 0)
            best = min(best, Date().timeIntervalSince(start))
        }
        print("X12 read: \(String(format: "%.1f", megabytes)) MB in \(String(format: "%.3f", best)) s = \(String(format: "%.1f", megabytes / best)) MB/s")
    }
}

@Suite("benchmark generator")
struct BenchmarkGeneratorTests {
    @Test("the generated large 835 reads back balanced with every claim")
    func generatedFileReads() throws {
        let bytes = try ReadBenchmark.largeRemittance(megabytes: 1)
        let (remits, warnings) = try X12File(bytes: bytes).remittances()
        #expect(warnings.isEmpty)
        #expect(remits.first?.claims.count == 1_000_000 / 270)
        #expect(remits.first?.balanceFindings().isEmpty == true)
        #expect(remits.first?.payerIdentifier == "1123456789")
    }
}
