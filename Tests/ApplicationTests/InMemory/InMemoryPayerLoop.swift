import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Testing
import TestSupport
import X12

/// Claims of `count` insured patients submitted to Aetna, and the payer simulator's answers to the 837P
/// (driven as `rcm simulate payer` drives it): a 999, a 277CA and 835s dated before today.
struct InMemoryPayerLoop {
    let world: InMemoryWorld
    let patients: [PatientKey]
    let claims: [ClaimID]
    let submission: SubmissionService.Result
    let claimFile: [UInt8]
    let response: [PayerResponse]

    static func make(
        _ world: InMemoryWorld, count: Int, seed: UInt64 = 7,
        settings: SimulatorSettings = SimulatorSettings(rejectPercent: 0, denyPercent: 0)
    ) async throws -> InMemoryPayerLoop {
        var patients: [PatientKey] = []
        var claims: [ClaimID] = []
        let names = ["Quaxworth", "Fauxley", "Mockridge", "Samplewood", "Testacre", "Placeholt", "Dummington", "Fictionby"]
        for index in 0..<count {
            let key = try await world.insuredPatient(
                "Demo\(index)", names[index % names.count], memberID: "W9988776\(String(format: "%02d", index))",
                copay: Money(cents: 20_00),
                coinsurance: 10)
            let record =
                index % 2 == 0
                ? world.session(SessionID("s-loop-\(index)"), patient: key, daysAgo: 3 + index, diagnoses: ["F41.1"])
                : world.session(
                    SessionID("s-loop-\(index)"), patient: key, daysAgo: 3 + index, provider: "j-park", code: "90837", minutes: 55,
                    charge: 150_00,
                    diagnoses: ["F33.1", "F41.1"])
            let claim = try await world.claim(of: record)
            patients.append(key)
            claims.append(try #require(claim.claimID))
        }
        let scrubbed = try await world.core.scrubClaims(claims, tenant: InMemoryWorld.slug)
        #expect(scrubbed.allSatisfy { $0.claim.readyToSubmit }, "\(scrubbed.flatMap(\.claim.findings).map(\.message))")
        let result = try #require(
            try await world.core.submitClaims(SubmitClaimsRequest(tenant: InMemoryWorld.slug, payer: "aetna", directory: outputDirectory()))
        )
        try X12Validator.validate(path: result.path)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: result.path)))
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: result.path).deletingLastPathComponent())
        var simulator = PayerSimulator(seed: seed, settings: settings)
        let answered = world.today.adding(days: -2)
        let controls = SimulatorControls(
            senderID: "PAYERSIM", date: X12Date(year: answered.year, month: answered.month, day: answered.day)!,
            time: X12Time(hour: 9, minute: 0)!,
            firstControlNumber: Int(seed % 1000) * 1000 + 1, remittanceDays: 1, followUpDays: 2)
        let response = try simulator.respond(
            toFile: bytes, fileName: URL(fileURLWithPath: result.path).lastPathComponent, controls: controls)
        return InMemoryPayerLoop(world: world, patients: patients, claims: claims, submission: result, claimFile: bytes, response: response)
    }

    /// A fresh folder for an 837P.
    static func outputDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rcm-inmemory-\(UUID().uuidString)")
    }

    /// The answers of one kind (`999`, `277CA`, `835`), in the order to import them.
    func files(_ kind: String) -> [SimulatedFile] { response.flatMap(\.files).filter { $0.kind == kind } }

    /// An answer as an upload.
    static func upload(_ file: SimulatedFile) -> X12Upload { X12Upload(bytes: file.bytes, fileName: file.name) }

    /// Imports the 999 and the 277CA.
    func acknowledge() async throws {
        for file in files("999") + files("277CA") {
            _ = try await world.core.importAcknowledgment(Self.upload(file), tenant: nil)
        }
    }

    /// Imports every 835; returns the outcomes.
    @discardableResult
    func remit() async throws -> [RemittanceImportService.PaymentOutcome] {
        var outcomes: [RemittanceImportService.PaymentOutcome] = []
        for file in files("835") {
            outcomes += try await world.core.importRemittance(Self.upload(file), tenant: nil, acceptImbalance: false, reason: nil)
        }
        return outcomes
    }

    /// The claim's state now.
    func claim(_ id: ClaimID) async throws -> Claim.State {
        try #require(try await world.core.listClaims(tenant: InMemoryWorld.slug, status: nil).first { $0.claimID == id })
    }
}

/// An X12 file's segments, split with the delimiters its ISA declares (element separator at offset 3,
/// segment terminator at offset 105).
enum X12Segments {
    static func of(_ bytes: [UInt8]) -> [[String]] {
        let element = bytes[3], terminator = bytes[105]
        return bytes.split(separator: terminator).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        .filter { !$0.isEmpty }.map {
            $0.split(separator: Character(UnicodeScalar(element)), omittingEmptySubsequences: false).map(String.init)
        }
    }
}

/// The money of 835 files, read straight from their segments: each payment's BPR02 and trace, and per claim
/// (CLP01) the sum of CLP04 and of the patient-responsibility (CAS*PR) adjustments.
struct RemittanceFigures {
    struct Payment {
        var control = "", trace = "", amount = Money.zero
        var claims: [String] = []
    }

    var payments: [Payment] = []
    var paid: [String: Money] = [:]
    var patientShare: [String: Money] = [:]

    init(_ files: [[UInt8]]) {
        for bytes in files {
            var claim: String?
            for segment in X12Segments.of(bytes) {
                func amount(_ index: Int) -> Money { Money(parsing: segment[index]) ?? .zero }
                switch segment[0] {
                case "ST": payments.append(Payment(control: segment[2]))
                case "BPR": payments[payments.count - 1].amount = amount(2)
                case "TRN": payments[payments.count - 1].trace = segment[2]
                case "CLP":
                    claim = segment[1]
                    payments[payments.count - 1].claims.append(segment[1])
                    paid[segment[1], default: .zero] += amount(4)
                case "CAS" where segment[1] == "PR":
                    guard let claim else { continue }
                    for index in stride(from: 3, to: segment.count, by: 3) where !segment[index].isEmpty {
                        patientShare[claim, default: .zero] += amount(index)
                    }
                case "PLB", "SE": claim = nil
                default: break
                }
            }
        }
    }

    /// Every claim payment's CLP04, summed.
    var totalPaid: Money { paid.values.sum() }
}
