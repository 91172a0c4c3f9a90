import Billing
import X12

/// A deterministic stand-in for clearinghouses and payers: reads the claims of an 837P and answers with a
/// 999 accepting the set, a 277CA accepting most claims and rejecting a few (A7), and 835s per payer with
/// contractual adjustments, patient responsibility by plan, denials, reversals with re-adjudication,
/// interest and a recoupment. Every 835 balances (line, claim and check). The same seed and inputs give the
/// same files; control numbers and dates are inputs.
public struct PayerSimulator: Sendable {
    /// The knobs.
    public var settings: SimulatorSettings
    var random: SeededRandom
    /// Deductible left per payer and member, in cents.
    var deductibleLeft: [String: Int64] = [:]
    /// The payer claim numbers handed out so far.
    var issued = 0

    /// A simulator seeded with `seed`.
    public init(seed: UInt64, settings: SimulatorSettings = SimulatorSettings()) {
        self.settings = settings
        random = SeededRandom(seed: seed)
    }

    /// Allowed amounts per unit used when the payer has no fee schedule of its own.
    public static let standardRates: [String: X12Amount] = [
        "90791": 160_00, "90792": 180_00, "90832": 70_00, "90833": 70_00, "90834": 95_00, "90836": 90_00,
        "90837": 120_00, "90838": 115_00, "90839": 140_00, "90840": 65_00, "90846": 95_00, "90847": 105_00,
        "90849": 40_00, "90853": 35_00, "90785": 15_00, "99213": 90_00, "99214": 125_00, "96127": 5_00,
        "96130": 110_00, "96131": 90_00, "96136": 50_00, "96137": 45_00, "H0004": 25_00, "H0031": 80_00,
    ].mapValues { X12Amount(cents: Int64($0)) }

    /// Realistic 277CA rejections: A7 status code and entity.
    static let rejections: [(code: String, entity: String?)] = [
        ("562", "85"),  // entity's NPI
        ("164", "IL"),  // entity's contract/member number
        ("254", nil),  // principal diagnosis code
        ("145", "82"),  // entity's specialty/taxonomy code
    ]

    /// One claim of the 837 with what the payer needs around it.
    struct Incoming {
        var claim: ProfessionalClaim
        var payer: SubscriberClaims.Payer
        var filingIndicator: String
        var sequence: String
        var memberID: String
        var patient: Party
        var insured: Party?
        var provider: ProfessionalClaimInterchange.BillingProvider
    }

    /// The answers to `interchange`.
    public mutating func respond(to interchange: ProfessionalClaimInterchange, controls: SimulatorControls)
        throws(X12Error) -> PayerResponse
    {
        let incoming = Self.flatten(interchange)
        var outcomes: [String: SimulatedOutcome] = [:]
        var accepted: [(Incoming, String)] = []
        var statuses: [(Incoming, StatusInfo, String?)] = []
        for item in incoming {
            let number = item.claim.claimNumber
            if random.chance(settings.rejectPercent) {
                let rejection = random.pick(Self.rejections)
                outcomes[number] = .rejected(category: "A7", statusCode: rejection.code)
                statuses.append(
                    (
                        item,
                        StatusInfo(
                            category: "A7", code: rejection.code, entity: rejection.entity, date: controls.date,
                            action: "U", amount: item.claim.totalCharge), nil
                    ))
            } else {
                let icn = nextPayerClaimNumber(item.payer.id)
                if item.claim.frequency == ClaimFrequency.void.rawValue {
                    outcomes[number] = .voidAccepted
                } else {
                    accepted.append((item, icn))
                }
                statuses.append(
                    (
                        item,
                        StatusInfo(
                            category: "A2", code: "20", entity: "PR", date: controls.date, action: "WQ",
                            amount: item.claim.totalCharge), icn
                    ))
            }
        }
        let implementation = ImplementationAcknowledgment(
            controlNumber: "0001", groupFunctionalID: "HC",
            groupControlNumber: String(interchange.envelope.groupControlNumber),
            groupVersion: ProfessionalClaimInterchange.implementation,
            transactionSets: [
                .init(
                    setID: "837", controlNumber: interchange.transactionControlNumber,
                    implementation: ProfessionalClaimInterchange.implementation, result: "A")
            ], groupResult: .init(code: "A", includedCount: 1, receivedCount: 1, acceptedCount: 1))
        let claimAck = Self.claimAcknowledgment(interchange, statuses: statuses, controls: controls)
        let (remits, followUps) = remittances(accepted, controls: controls, outcomes: &outcomes)

        var control = controls.firstControlNumber
        var files: [SimulatedFile] = []
        func envelope(_ date: X12Date) -> InterchangeEnvelope {
            defer { control += 1 }
            return InterchangeEnvelope(
                senderQualifier: controls.senderQualifier, senderID: controls.senderID,
                receiverQualifier: interchange.envelope.senderQualifier, receiverID: interchange.envelope.senderID,
                date: date, time: controls.time, interchangeControlNumber: control, groupControlNumber: control)
        }
        files.append(
            SimulatedFile(
                kind: "999", name: "999-\(control).x12",
                bytes: try ImplementationAcknowledgment.x12([implementation], envelope: envelope(controls.date))))
        files.append(
            SimulatedFile(
                kind: "277CA", name: "277CA-\(control).x12",
                bytes: try ClaimAcknowledgment.x12([claimAck], envelope: envelope(controls.date))))
        for batch in [remits, followUps] {
            var payers: [String] = []
            for remit in batch where !payers.contains(remit.payer.identifier ?? "") {
                payers.append(remit.payer.identifier ?? "")
            }
            for payer in payers {
                let sets = batch.filter { $0.payer.identifier == payer }
                let date = sets[0].payment.date ?? controls.date
                let name = "835-\(payer)-\(control).x12"
                files.append(
                    SimulatedFile(kind: "835", name: name, bytes: try Remittance.x12(sets, envelope: envelope(date))))
            }
        }
        return PayerResponse(
            implementationAcknowledgment: implementation, claimAcknowledgment: claimAck, remittances: remits,
            followUps: followUps, outcomes: outcomes, files: files, nextControlNumber: control)
    }

    /// The answers to every 837P interchange of a file the product wrote, each with its own control numbers
    /// (the next response starts where the previous one ended).
    public mutating func respond(toFile bytes: [UInt8], fileName: String? = nil, controls: SimulatorControls)
        throws(X12Error) -> [PayerResponse]
    {
        var responses: [PayerResponse] = []
        var next = controls
        for interchange in try X12File(bytes: bytes, fileName: fileName).professionalClaims().interchanges {
            let response = try respond(to: interchange, controls: next)
            next.firstControlNumber = response.nextControlNumber
            responses.append(response)
        }
        return responses
    }

    /// A new payer claim number (ICN): payer prefix and a running number.
    mutating func nextPayerClaimNumber(_ payer: String) -> String {
        issued += 1
        let digits = String(random.below(900) + 100)
        return "\(payer.prefix(4))\(digits)\(issued)"
    }

    /// Every claim of the interchange with its subscriber loop.
    static func flatten(_ interchange: ProfessionalClaimInterchange) -> [Incoming] {
        interchange.billingProviders.flatMap { provider in
            provider.subscribers.flatMap { group in
                let subscriberName = group.subscriber.name
                let patientName = group.patient?.person.name ?? subscriberName
                let insured =
                    group.patient == nil
                    ? nil
                    : Party(entity: "IL", name: subscriberName, idQualifier: "MI", id: group.subscriber.memberID)
                return group.claims.map { claim in
                    Incoming(
                        claim: claim, payer: group.payer, filingIndicator: group.filingIndicator,
                        sequence: group.payerSequence,
                        memberID: group.subscriber.memberID ?? "",
                        patient: Party(
                            entity: "QC", name: patientName, idQualifier: group.patient == nil ? "MI" : nil,
                            id: group.patient == nil ? group.subscriber.memberID : nil),
                        insured: insured, provider: provider)
                }
            }
        }
    }

    /// The 277CA: clearinghouse → submitter (TRN*2 = BHT03) → billing providers → claims.
    static func claimAcknowledgment(
        _ interchange: ProfessionalClaimInterchange, statuses: [(Incoming, StatusInfo, String?)],
        controls: SimulatorControls
    ) -> ClaimAcknowledgment {
        func counts(_ items: [(Incoming, StatusInfo, String?)]) -> (Int, Int, X12Amount, X12Amount) {
            let accepted = items.filter { !$0.1.isRejection }
            let rejected = items.filter { $0.1.isRejection }
            return (
                accepted.count, rejected.count, accepted.map(\.0.claim.totalCharge).sum(),
                rejected.map(\.0.claim.totalCharge).sum()
            )
        }
        var providers: [ClaimAcknowledgment.Provider] = []
        for provider in interchange.billingProviders {
            let mine = statuses.filter { $0.0.provider.npi == provider.npi && $0.0.provider.taxID == provider.taxID }
            guard !mine.isEmpty else { continue }
            let (a, r, aa, ra) = counts(mine)
            let claims = mine.map { item, status, icn in
                ClaimStatus(
                    patient: item.patient, claimNumber: item.claim.claimNumber, statuses: [status],
                    payerClaimNumber: icn,
                    serviceDate: DatePeriod(
                        start: item.claim.lines.map(\.serviceDate.start).min()!,
                        end: item.claim.lines.map(\.serviceDate.end).max()!))
            }
            providers.append(
                .init(
                    entity: .init(
                        entity: "85", name: provider.name, idQualifier: "XX", id: provider.npi,
                        trace: "\(interchange.batchReference)-\(providers.count + 1)", acceptedCount: a,
                        rejectedCount: r, acceptedAmount: aa, rejectedAmount: ra), claims: claims))
        }
        let (a, r, aa, ra) = counts(statuses)
        let receiver = ClaimAcknowledgment.Receiver(
            entity: .init(
                entity: "41", name: PersonName(last: interchange.submitter.name), idQualifier: "46",
                id: interchange.submitter.etin, trace: interchange.batchReference,
                statuses: [StatusInfo(category: "A1", code: "19", entity: "PR", date: controls.date, action: "WQ")],
                acceptedCount: a, rejectedCount: r, acceptedAmount: aa, rejectedAmount: ra),
            providers: providers)
        return ClaimAcknowledgment(
            controlNumber: "0001", reference: "ACK\(interchange.transactionControlNumber)", date: controls.date,
            time: controls.time.x12,
            source: .init(
                entity: "AY", name: PersonName(last: controls.senderName), idQualifier: "46", id: controls.senderID,
                trace: "\(interchange.envelope.interchangeControlNumber)",
                dates: [QualifiedDate("050", DatePeriod(start: controls.date))]),
            receivers: [receiver])
    }
}
