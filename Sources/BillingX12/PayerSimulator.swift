import Billing
import X12

/// A deterministic stand-in for a clearinghouse and the payers behind it. It reads the claims of the 837Ps of a
/// run and answers as independent payers would: a 999 per interchange, a 277CA per interchange and payer
/// (accepting most claims, rejecting a few with A6, A7 or A8), and 835s per payer in the payer's own identity
/// (`SimulatedPayerDirectory`): its TRN03, REF*2U, claim control numbers, check or EFT numbers and bank. Payments
/// carry contractual adjustments and patient responsibility by plan, denials, crossovers, claims paid in two
/// parts across two 835s, checks covering several payees, interest, adjustments, and, from earlier runs
/// (`state`), reversals with their re-adjudication, recoupments and balances carried forward. Every 835 balances
/// (line, claim and check). The same seed, state and inputs give the same files; dates and control numbers are
/// inputs.
public struct PayerSimulator: Sendable {
    /// The knobs.
    public var settings: SimulatorSettings
    /// Who the payers are.
    public var directory: SimulatedPayerDirectory
    /// What the payers remember between runs; save it after a run and pass it to the next one.
    public var state: SimulatorState
    var random: SeededRandom

    /// A simulator seeded with `seed`, continuing from `state`.
    public init(
        seed: UInt64, settings: SimulatorSettings = SimulatorSettings(), state: SimulatorState = SimulatorState(),
        directory: SimulatedPayerDirectory = .builtIn
    ) {
        self.settings = settings
        self.directory = directory
        self.state = state
        random = SeededRandom(seed: seed)
    }

    /// Allowed amounts per unit used when the payer has no fee schedule of its own.
    public static let standardRates: [String: X12Amount] = [
        "90791": 160_00, "90792": 180_00, "90832": 70_00, "90833": 70_00, "90834": 95_00, "90836": 90_00,
        "90837": 120_00, "90838": 115_00, "90839": 140_00, "90840": 65_00, "90846": 95_00, "90847": 105_00,
        "90849": 40_00, "90853": 35_00, "90785": 15_00, "99213": 90_00, "99214": 125_00, "96127": 5_00,
        "96130": 110_00, "96131": 90_00, "96136": 50_00, "96137": 45_00, "H0004": 25_00, "H0031": 80_00,
    ].mapValues { X12Amount(cents: Int64($0)) }

    /// 277CA rejections payers send: category (A6 missing, A7 invalid, A8 relational), claim status code and the
    /// entity it is about.
    public static let rejections: [(category: String, code: String, entity: String?)] = [
        ("A7", "562", "85"),  // the billing provider's NPI
        ("A7", "164", "IL"),  // the subscriber's contract/member number
        ("A7", "254", nil),  // the principal diagnosis code
        ("A7", "145", "82"),  // the rendering provider's specialty/taxonomy code
        ("A6", "153", "82"),  // the rendering provider's id number is missing
        ("A6", "158", "IL"),  // the subscriber's date of birth is missing
        ("A8", "496", "85"),  // submitter not approved for electronic claims on behalf of the billing provider
        ("A8", "116", "PR"),  // claim submitted to the wrong payer
    ]

    /// One claim of an 837P with what the payer needs around it.
    struct Incoming {
        var claim: ProfessionalClaim
        var payer: SubscriberClaims.Payer
        var identity: SimulatedPayer
        var filingIndicator: String
        var sequence: String
        var memberID: String
        var patient: Party
        var insured: Party?
        var provider: ProfessionalClaimInterchange.BillingProvider
        var interchange: Int

        /// The payee of the 835 (loop 1000B): the billing provider.
        var payee: Payee {
            let name = [provider.name.last, provider.name.first].compactMap { $0 }.joined(separator: " ")
            return Payee(
                key: "\(provider.npi)|\(provider.taxID)", providerID: provider.npi,
                party: Remittance.Payee(
                    name: name, idQualifier: "XX", id: provider.npi, references: [Reference("TJ", provider.taxID)]))
        }
    }

    /// Who an 835 transaction set pays.
    struct Payee: Sendable, Hashable {
        /// NPI and tax id.
        var key: String
        /// PLB01.
        var providerID: String
        /// Loop 1000B.
        var party: Remittance.Payee
    }

    /// The answers to the 837P interchanges of one run. Claims of several interchanges (several practices, several
    /// payers) are answered together: a payer pays all of its payees of the run in one cycle.
    /// `appeals` are the practices' appeals of earlier denials, answered in this run (see `answerAppeals`).
    public mutating func respond(
        to interchanges: [ProfessionalClaimInterchange], controls: SimulatorControls, appeals: [SimulatedAppeal] = []
    )
        throws(X12Error) -> PayerResponse
    {
        state.runs += 1
        let run = state.runs
        if let first = interchanges.first {
            state.receiverQualifier = first.envelope.senderQualifier
            state.receiverID = first.envelope.senderID
        }
        let incoming = interchanges.enumerated().flatMap { flatten($0.element, index: $0.offset) }
        // A claim billed again (to the next payer, replaced or voided) is no longer one its payer comes back to.
        for item in incoming
        where item.claim.hasEarlierAdjudication || item.claim.frequency != ClaimFrequency.original.rawValue {
            cancelPending(claimNumber: item.claim.claimNumber)
            forgetDenials(claimNumber: item.claim.claimNumber)
        }
        var outcomes: [String: SimulatedOutcome] = [:]
        var statuses: [[(Incoming, StatusInfo, String?)]] = Array(repeating: [], count: interchanges.count)
        var accepted: [(Incoming, String)] = []
        for item in incoming {
            let number = item.claim.claimNumber
            book(item.identity)
            if random.chance(settings.rejectPercent) {
                let rejection = random.pick(Self.rejections)
                outcomes[number] = .rejected(category: rejection.category, statusCode: rejection.code)
                statuses[item.interchange].append(
                    (
                        item,
                        StatusInfo(
                            category: rejection.category, code: rejection.code, entity: rejection.entity,
                            date: controls.date, action: "U", amount: item.claim.totalCharge), nil
                    ))
                continue
            }
            let icn = nextClaimNumber(item.identity, on: controls.date)
            if item.claim.frequency == ClaimFrequency.void.rawValue {
                outcomes[number] = .voidAccepted
            } else {
                accepted.append((item, icn))
            }
            statuses[item.interchange].append(
                (
                    item,
                    StatusInfo(
                        category: "A2", code: "20", entity: "PR", date: controls.date, action: "WQ",
                        amount: item.claim.totalCharge), icn
                ))
        }

        var cycles = PaymentCycles()
        for (item, icn) in accepted {
            adjudicate(item, icn: icn, run: run, on: controls.date, into: &cycles, outcomes: &outcomes)
        }
        answerAppeals(appeals, into: &cycles, outcomes: &outcomes)
        var events: [SimulatedEvent] = []
        performPending(run: run, on: controls.date, into: &cycles, outcomes: &outcomes, events: &events)
        addProviderAdjustments(to: &cycles)
        let payments = try pay(cycles, controls: controls, events: &events)

        var control = controls.firstControlNumber
        var files: [SimulatedFile] = []
        var implementations: [ImplementationAcknowledgment] = []
        var acknowledgments: [ClaimAcknowledgment] = []
        func envelope(_ date: X12Date, sender: (String, String)? = nil, receiver: (String, String)) -> InterchangeEnvelope {
            defer { control += 1 }
            return InterchangeEnvelope(
                senderQualifier: sender?.0 ?? controls.senderQualifier, senderID: sender?.1 ?? controls.senderID,
                receiverQualifier: receiver.0, receiverID: receiver.1, date: date, time: controls.time,
                interchangeControlNumber: control, groupControlNumber: control)
        }
        for (index, interchange) in interchanges.enumerated() {
            let receiver = (interchange.envelope.senderQualifier, interchange.envelope.senderID)
            let implementation = Self.implementationAcknowledgment(interchange)
            implementations.append(implementation)
            files.append(
                SimulatedFile(
                    kind: "999", name: "999-\(control).x12",
                    bytes: try ImplementationAcknowledgment.x12(
                        [implementation], envelope: envelope(controls.date, receiver: receiver))))
            let acks = claimAcknowledgments(interchange, statuses: statuses[index], controls: controls)
            acknowledgments += acks
            guard !acks.isEmpty else { continue }
            files.append(
                SimulatedFile(
                    kind: "277CA", name: "277CA-\(control).x12",
                    bytes: try ClaimAcknowledgment.x12(acks, envelope: envelope(controls.date, receiver: receiver))))
        }
        let receiver = (state.receiverQualifier ?? "ZZ", state.receiverID ?? "SUBMITTER")
        for file in payments.files {
            let sender = ("ZZ", file.payer.interchangeID)
            let name = "835-\(file.payer.remittancePayerID ?? file.payer.ein)-\(control).x12"
            files.append(
                SimulatedFile(
                    kind: "835", name: name,
                    bytes: try Remittance.x12(file.sets, envelope: envelope(file.date, sender: sender, receiver: receiver))))
        }
        return PayerResponse(
            implementationAcknowledgments: implementations, claimAcknowledgments: acknowledgments,
            remittances: payments.first, followUps: payments.followUps, outcomes: outcomes, events: events, files: files,
            nextControlNumber: control)
    }

    /// The answers to one 837P interchange (a run of its own).
    public mutating func respond(to interchange: ProfessionalClaimInterchange, controls: SimulatorControls)
        throws(X12Error) -> PayerResponse
    {
        try respond(to: [interchange], controls: controls)
    }

    /// The answers to every 837P interchange of the files the product wrote, in one run.
    public mutating func respond(
        toFiles files: [(bytes: [UInt8], name: String?)], controls: SimulatorControls, appeals: [SimulatedAppeal] = []
    )
        throws(X12Error) -> PayerResponse
    {
        var interchanges: [ProfessionalClaimInterchange] = []
        for file in files {
            interchanges += try X12File(bytes: file.bytes, fileName: file.name).professionalClaims().interchanges
        }
        return try respond(to: interchanges, controls: controls, appeals: appeals)
    }

    /// The answers to every 837P interchange of a file the product wrote, in one run.
    public mutating func respond(toFile bytes: [UInt8], fileName: String? = nil, controls: SimulatorControls)
        throws(X12Error) -> PayerResponse
    {
        try respond(toFiles: [(bytes, fileName)], controls: controls)
    }

    /// The payer's book in the state, opened on first sight.
    mutating func book(_ payer: SimulatedPayer) {
        if state.payers[payer.claimPayerID] == nil { state.payers[payer.claimPayerID] = PayerBook(name: payer.name) }
    }

    /// The payer's next claim control number. Sequences never go back: a run dated later starts at least where
    /// its date would put it, so runs without a saved state do not repeat numbers either.
    mutating func nextClaimNumber(_ payer: SimulatedPayer, on date: X12Date) -> String {
        book(payer)
        let floor = max(0, date.dayNumber - 19_000) * 1_000
        let sequence = max(state.payers[payer.claimPayerID]!.claimSequence, floor) + 1
        state.payers[payer.claimPayerID]!.claimSequence = sequence
        return payer.claimNumbers.number(sequence, on: date)
    }

    /// Every claim of the interchange with its subscriber loop and its payer.
    func flatten(_ interchange: ProfessionalClaimInterchange, index: Int) -> [Incoming] {
        interchange.billingProviders.flatMap { provider in
            provider.subscribers.flatMap { group in
                let subscriberName = group.subscriber.name
                let patientName = group.patient?.person.name ?? subscriberName
                let insured =
                    group.patient == nil
                    ? nil
                    : Party(entity: "IL", name: subscriberName, idQualifier: "MI", id: group.subscriber.memberID)
                let identity = directory.payer(for: group.payer.id, name: group.payer.name)
                return group.claims.map { claim in
                    Incoming(
                        claim: claim, payer: group.payer, identity: identity, filingIndicator: group.filingIndicator,
                        sequence: group.payerSequence, memberID: group.subscriber.memberID ?? "",
                        patient: Party(
                            entity: "QC", name: patientName, idQualifier: group.patient == nil ? "MI" : nil,
                            id: group.patient == nil ? group.subscriber.memberID : nil),
                        insured: insured, provider: provider, interchange: index)
                }
            }
        }
    }
}

extension ProfessionalClaim {
    /// True when loop 2320 holds an earlier payer's adjudication (AMT*D): a secondary or tertiary claim, not a
    /// primary that only names the payers after it.
    var hasEarlierAdjudication: Bool { otherPayers.contains { $0.paidAmount != nil } }
}
