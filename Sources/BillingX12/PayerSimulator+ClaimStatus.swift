import Billing
import X12

/// How a simulated payer answers one claim of a 276.
public enum ClaimStatusScenario: String, Sendable, Hashable, Codable, CaseIterable {
    /// P1:20 pending, in process.
    case pending
    /// F1:65 finalized, paid: the 835 follows.
    case finalized
    /// A4:35 the claim is not found.
    case notFound

    /// The STC01 category and code.
    var status: (category: String, code: String) {
        switch self {
        case .pending: ("P1", "20")
        case .finalized: ("F1", "65")
        case .notFound: ("A4", "35")
        }
    }
}

extension PayerSimulator {
    /// Answers the 276s of a file with one 277 (005010X212): per claim a scenario drawn from the seed and the claim's
    /// trace (or `forced`): half pending, a third finalized, the rest not found.
    public static func answerClaimStatus(
        _ sets: [ClaimStatusInquirySet], seed: UInt64, date: X12Date, controlNumber: Int, forced: ClaimStatusScenario? = nil,
        directory: SimulatedPayerDirectory = .builtIn
    ) throws(X12Error) -> [UInt8] {
        var responses: [ClaimStatusResponse] = []
        for (index, set) in sets.enumerated() {
            let payer = directory.payer(for: set.payer.id, name: set.payer.name)
            let claims = set.inquiries.map { inquiry -> ClaimStatusAnswer in
                var draw = SeededRandom(seed: seed ^ SeededRandom.hash(inquiry.trace))
                let roll = draw.below(100)
                let scenario = forced ?? (roll < 50 ? .pending : roll < 85 ? .finalized : .notFound)
                let status = scenario.status
                return ClaimStatusAnswer(
                    member: inquiry.subscriber, trace: inquiry.trace,
                    statuses: [StatusInfo(category: status.category, code: status.code, entity: scenario == .notFound ? "PR" : nil, date: date,
                                          amount: inquiry.charge)],
                    payerClaimNumber: scenario == .notFound ? nil : inquiry.payerClaimNumber ?? "\(payer.acknowledgmentPayerID)\(draw.next() % 1_000_000_000)",
                    claimNumber: inquiry.claimNumber, serviceDates: inquiry.serviceDates)
            }
            responses.append(
                ClaimStatusResponse(
                    controlNumber: String(format: "%04d", index + 1), reference: set.reference, date: date, payer: set.payer,
                    receiver: InformationSource(entity: "41", name: "SUBMITTER", idQualifier: "46", id: "SUBMITTER"),
                    provider: set.provider ?? InformationReceiver(name: PersonName(last: "PROVIDER"), id: "0000000000"), claims: claims))
        }
        let envelope = InterchangeEnvelope(
            senderID: directory.payer(for: sets.first?.payer.id ?? "").interchangeID, receiverID: "RCMBILLING", date: date,
            time: X12Time(hour: 8, minute: 30)!, interchangeControlNumber: controlNumber, groupControlNumber: controlNumber)
        return try ClaimStatusResponse.x12(responses, envelope: envelope)
    }
}
