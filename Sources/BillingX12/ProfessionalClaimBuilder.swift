import Billing
import X12

/// Builds one 837P interchange per payer batch from billing values: the claims as replayed from their
/// streams, the practice (providers, payer enrolment), coverages and identities from the PHI store.
///
/// CLM01 is the claim number, REF*6R the line id, so remittances match mechanically. Pure: control numbers,
/// date and time come from the caller.
public struct ProfessionalClaimBuilder: Sendable {
    /// Submitter, receiver and ISA ids.
    public var parties: SubmissionParties
    /// The billing provider of the practice (2010AA).
    public var billingProvider: BillingProviderIdentity
    /// The practice: providers (NPI, taxonomy) and payer enrolments (names).
    public var practice: Practice.State
    /// Names of the practice's clinicians, as NM1*82 and NM1*DQ carry them (not PHI, not in the domain).
    public var providerNames: [ProviderID: PersonName]
    /// Every payer a claim of the batch may name (the batch's payer, and earlier payers in 2330B), as the payers
    /// know themselves.
    public var payers: [PayerID: SubmissionPayer]

    /// A builder for one practice.
    public init(
        parties: SubmissionParties, billingProvider: BillingProviderIdentity, practice: Practice.State,
        providerNames: [ProviderID: PersonName], payers: [PayerID: SubmissionPayer]
    ) {
        self.parties = parties
        self.billingProvider = billingProvider
        self.practice = practice
        self.providerNames = providerNames
        self.payers = payers
    }

    /// One batch: the interchange to write with `interchange.x12()` and the manifest to record.
    public struct Batch: Sendable, Hashable {
        /// The typed interchange.
        public var interchange: ProfessionalClaimInterchange
        /// What it holds, for events and acknowledgment matching.
        public var manifest: SubmissionManifest
    }

    /// Builds the batch for `payer` from `claims` (all billed to that payer). SBR09 is `filingIndicator`
    /// (`CI` commercial, `MB` Medicare B, `MC` Medicaid, `HM` HMO…).
    public func build(
        payer: PayerID, claims: [ClaimSubmission], control: SubmissionControl, filingIndicator: String = "CI"
    ) throws(SubmissionError) -> Batch {
        guard !claims.isEmpty else { throw .emptyBatch }
        guard practice.payers[payer] != nil else { throw .unknownPayer(payer) }
        guard let identity = payers[payer] else { throw .payerWithoutIdentity(payer) }
        var groups: [SubscriberClaims] = []
        var groupIndex: [GroupKey: Int] = [:]
        var numbers: [String] = []
        for submission in claims {
            guard let number = submission.claim.claimNumber else { throw .claimNotCreated }
            guard submission.claim.payerID == payer else {
                throw .wrongPayer(number, expected: payer, got: submission.claim.payerID)
            }
            guard submission.coverage.payerID == payer else {
                throw .coverageForOtherPayer(number, submission.coverage.payerID)
            }
            let claim = try professionalClaim(submission, number: number)
            numbers.append(number.rawValue)
            let group = try subscriberLoop(
                submission, number: number,
                payer: SubscriberClaims.Payer(name: Self.plain(identity.name), id: identity.x12PayerID),
                filingIndicator: filingIndicator)
            let key = GroupKey(
                subscriber: group.subscriber, patient: group.patient, sequence: group.payerSequence,
                groupNumber: group.groupNumber)
            if let index = groupIndex[key] {
                groups[index].claims.append(claim)
            } else {
                var new = group
                new.claims = [claim]
                groupIndex[key] = groups.count
                groups.append(new)
            }
        }
        let envelope = InterchangeEnvelope(
            senderQualifier: parties.senderQualifier, senderID: parties.senderID,
            receiverQualifier: parties.receiverQualifier, receiverID: parties.receiverID, date: control.date,
            time: control.time, interchangeControlNumber: control.interchangeControlNumber,
            groupControlNumber: control.groupControlNumber, usage: parties.usage)
        let provider = ProfessionalClaimInterchange.BillingProvider(
            entityType: billingProvider.entityType, name: Self.plain(billingProvider.name), npi: billingProvider.npi,
            taxID: billingProvider.taxID, taxonomy: billingProvider.taxonomy,
            address: Self.plain(billingProvider.address), subscribers: groups)
        var submitter = parties.submitter
        submitter.name = Self.plain(submitter.name)
        submitter.contactName = Self.plain(submitter.contactName)
        var receiver = parties.receiver
        receiver.name = Self.plain(receiver.name)
        let interchange = ProfessionalClaimInterchange(
            envelope: envelope, transactionControlNumber: control.transactionControlNumber,
            batchReference: control.batchReference, submitter: submitter, receiver: receiver,
            billingProviders: [provider])
        let manifest = SubmissionManifest(
            interchangeControlNumber: control.interchangeControlNumber,
            groupControlNumber: control.groupControlNumber, transactionControlNumber: control.transactionControlNumber,
            batchReference: control.batchReference, payerID: payer.rawValue, claimNumbers: numbers)
        return Batch(interchange: interchange, manifest: manifest)
    }

    /// A configured name or address (the practice's, a clinician's, a payer's) as X12 carries it: trimmed,
    /// accents and typographic marks made plain (`X12Text`); left as it is when X12 cannot carry it at all,
    /// and the writer then refuses it with its segment and element.
    static func plain(_ value: String) -> String { X12Text(value)?.text ?? value }

    static func plain(_ name: PersonName) -> PersonName {
        PersonName(
            last: plain(name.last), first: name.first.map(plain), middle: name.middle.map(plain),
            suffix: name.suffix.map(plain))
    }

    static func plain(_ address: Address) -> Address {
        Address(
            line1: plain(address.line1), line2: address.line2.map(plain), city: plain(address.city),
            state: address.state.map(plain), postalCode: address.postalCode.map(plain))
    }

    /// Claims of the same subscriber, patient, payer sequence and group number share one 2000B loop.
    private struct GroupKey: Hashable {
        var subscriber: SubscriberClaims.Person
        var patient: SubscriberClaims.Patient?
        var sequence: String
        var groupNumber: String?
    }

    /// Loop 2300/2400 for one claim.
    func professionalClaim(_ submission: ClaimSubmission, number: ClaimNumber) throws(SubmissionError)
        -> ProfessionalClaim
    {
        let state = submission.claim
        guard let first = state.lines.first else { throw .noLines(number) }
        guard state.lines.allSatisfy({ $0.rendering == first.rendering && $0.supervising == first.supervising }) else {
            throw .mixedProviders(number)
        }
        var original: String?
        if state.frequency != .original {
            guard let value = submission.originalPayerClaimNumber ?? state.payerClaimNumber else {
                throw .missingOriginalClaimNumber(number)
            }
            original = value
        }
        let rendering = try claimProvider(first.rendering, taxonomy: true)
        let supervising: ProfessionalClaim.ClaimProvider?
        if let id = first.supervising {
            supervising = try claimProvider(id, taxonomy: false)
        } else {
            supervising = nil
        }
        let earlier = try earlierPayers(state)
        let lines = state.lines.map { line in
            ProfessionalClaim.ServiceLine(
                procedure: ProcedureCode(code: line.code, modifiers: line.modifiers), charge: line.charge.x12Amount,
                units: line.units.x12Quantity,
                placeOfService: line.placeOfService == first.placeOfService ? nil : line.placeOfService,
                diagnosisPointers: line.diagnosisPointers,
                serviceDate: DatePeriod(start: line.dateOfService.x12Date), lineControlNumber: line.lineID.rawValue,
                otherPayerAdjudications: earlier.flatMap { $0.lineAdjudication(of: line) })
        }
        return ProfessionalClaim(
            claimNumber: number.rawValue, totalCharge: state.lines.map(\.charge).sum().x12Amount,
            placeOfService: first.placeOfService, frequency: state.frequency.rawValue,
            priorAuthorization: state.authorizationNumber, originalPayerClaimNumber: original,
            diagnoses: state.diagnoses.map(\.x12), renderingProvider: rendering, supervisingProvider: supervising,
            otherPayers: try otherPayers(submission, earlier, number: number), lines: lines)
    }

    private func claimProvider(_ id: ProviderID, taxonomy: Bool) throws(SubmissionError)
        -> ProfessionalClaim.ClaimProvider
    {
        guard let provider = practice.providers[id] else { throw .unknownProvider(id) }
        guard let name = providerNames[id] else { throw .missingProviderName(id) }
        return ProfessionalClaim.ClaimProvider(
            name: Self.plain(name), npi: provider.npi, taxonomy: taxonomy ? provider.taxonomy : nil)
    }

    /// Loop 2000B (and 2000C for a dependent) for one claim.
    private func subscriberLoop(
        _ submission: ClaimSubmission, number: ClaimNumber, payer: SubscriberClaims.Payer, filingIndicator: String
    ) throws(SubmissionError) -> SubscriberClaims {
        let relation = submission.coverage.relation
        let sequence = SubmissionIdentity.sequence(submission.claim.payerOrder)
        if relation == .self {
            return SubscriberClaims(
                payerSequence: sequence, groupNumber: submission.groupNumber, filingIndicator: filingIndicator,
                subscriber: try SubmissionIdentity.person(
                    submission.patient, claim: number, memberID: submission.patient.memberID, requireAddress: true),
                payer: payer, claims: [])
        }
        guard let subscriber = submission.subscriber else { throw .missingSubscriber(number) }
        let subscriberPerson = try SubmissionIdentity.person(
            subscriber, claim: number, memberID: submission.patient.subscriberID ?? subscriber.memberID,
            requireAddress: false)
        return SubscriberClaims(
            payerSequence: sequence, groupNumber: submission.groupNumber, filingIndicator: filingIndicator,
            subscriber: subscriberPerson, payer: payer,
            patient: SubscriberClaims.Patient(
                relationship: SubmissionIdentity.relationship(relation),
                person: try SubmissionIdentity.person(
                    submission.patient, claim: number, memberID: nil, requireAddress: true)),
            claims: [])
    }
}
