/// Reads one 837P transaction set back into a `ProfessionalClaimInterchange`.
struct ProfessionalClaimParser {
    let segments: [Segment]
    let envelope: InterchangeEnvelope
    var warnings: [X12Warning] = []

    private typealias Interchange = ProfessionalClaimInterchange
    private enum Target { case none, billing, subscriber, patient, otherSubscriber, otherPayer, skipped }

    private var providers: [Interchange.BillingProvider] = []
    private var provider: Interchange.BillingProvider?
    private var group: SubscriberClaims?
    private var claim: ProfessionalClaim?
    private var claimSegment: Segment?
    private var line: ProfessionalClaim.ServiceLine?
    private var lineSegment: Segment?
    private var lineHasDate = false
    /// Inside loop 2430 (SVD … CAS … DTP*573): a prior payer's adjudication of the current line.
    private var lineAdjudication = false
    private var other: ProfessionalClaim.OtherPayer?
    private var seenClaimNumbers: Set<String> = []
    private var bht: Segment?
    private var submitter: Interchange.Submitter?
    private var receiver: Interchange.Receiver?
    /// The party the last NM1 named, which the N3, N4 and DMG after it describe.
    private var target = Target.none

    private static let blankPerson = SubscriberClaims.Person(name: PersonName(last: ""))

    init(segments: [Segment], envelope: InterchangeEnvelope) {
        self.segments = segments
        self.envelope = envelope
    }

    mutating func parse() throws(X12Error) -> ProfessionalClaimInterchange {
        guard let st = segments.first else { throw X12Error(.structure, at: X12Location(), "an empty transaction set") }
        for segment in segments.dropFirst().dropLast() { try read(segment) }
        try closeProvider()
        guard let bht else { throw X12Error(.structure, at: st.location(), "the 837 has no BHT") }
        guard let submitter else { throw X12Error(.structure, at: st.location(), "the 837 has no submitter (NM1*41)") }
        guard let receiver else { throw X12Error(.structure, at: st.location(), "the 837 has no receiver (NM1*40)") }
        return ProfessionalClaimInterchange(
            envelope: envelope, transactionControlNumber: st.element(2) ?? "", batchReference: try bht.required(3, "BHT03 (reference)"),
            purpose: bht.element(2) ?? "00", claimOrEncounter: bht.element(6) ?? "CH", submitter: submitter, receiver: receiver,
            billingProviders: providers)
    }

    /// Reads one segment between ST and SE into the loop it belongs to.
    private mutating func read(_ segment: Segment) throws(X12Error) {
        switch segment.id {
        case "BHT": bht = segment
        case "HL": try readHL(segment)
        case "NM1": try readNM1(segment)
        case "PER":
            if submitter != nil, provider == nil, submitter?.contactName == "" {
                submitter?.contactName = segment.element(2) ?? ""
                submitter?.phone = segment.element(4) ?? ""
            }
        case "PRV":
            if segment.element(1) == "BI" { provider?.taxonomy = segment.element(3) }
            if segment.element(1) == "PE" { claim?.renderingProvider?.taxonomy = segment.element(3) }
        case "N3": try readN3(segment)
        case "N4": break
        case "DMG": try readDMG(segment)
        case "REF": try readREF(segment)
        case "SBR": try readSBR(segment)
        case "PAT":
            group?.patient?.relationship = try segment.required(1, "PAT01 (relationship)")
        case "CLM":
            guard group != nil else { throw X12Error(.structure, at: segment.location(), "CLM before any subscriber (HL 22)") }
            try closeClaim()
            claim = try readCLM(segment)
            claimSegment = segment
            target = .none
        case "HI": try readHI(segment)
        case "SVD":
            guard line != nil else { throw misplaced(segment) }
            let adjudication = try readSVD(segment)
            line?.otherPayerAdjudications.append(adjudication)
            lineAdjudication = true
        case "CAS":
            let adjustments = try segment.adjustments(groups: ["CO", "CR", "OA", "PI", "PR"], warnings: &warnings)
            if lineAdjudication {
                lastLineAdjudication { $0.adjustments += adjustments }
                break
            }
            guard other != nil else { throw misplaced(segment) }
            other?.adjustments += adjustments
        case "AMT":
            if lineAdjudication, segment.element(1) == "EAF" {
                let owed = try segment.amount(2)
                lastLineAdjudication { $0.remainingPatientLiability = owed }
            } else if other != nil, segment.element(1) == "D" {
                other?.paidAmount = try segment.amount(2)
            } else if other != nil, segment.element(1) == "EAF" {
                other?.remainingPatientLiability = try segment.amount(2)
            }
        case "DTP": try readDTP(segment)
        case "LX":
            guard claim != nil else { throw misplaced(segment) }
            try closeLine()
            closeOther()
        case "SV1":
            guard claim != nil else { throw misplaced(segment) }
            try closeLine()
            line = try readSV1(segment)
            lineSegment = segment
            lineHasDate = false
        default:
            break
        }
    }

    /// HL: a billing provider (20), subscriber (22) or patient (23) level begins.
    private mutating func readHL(_ segment: Segment) throws(X12Error) {
        let level = try segment.required(3, "HL03 (level code)")
        switch level {
        case "20":
            try closeProvider()
            provider = Interchange.BillingProvider(name: PersonName(last: ""), npi: "", taxID: "",
                                                   address: Address(line1: "", city: ""), subscribers: [])
        case "22":
            guard provider != nil else { throw X12Error(.structure, at: segment.location(), "a subscriber level (HL 22) before any billing provider (HL 20)") }
            try closeGroup()
            group = SubscriberClaims(filingIndicator: "", subscriber: Self.blankPerson, payer: .init(name: "", id: ""), claims: [])
        case "23":
            guard let current = group else { throw X12Error(.structure, at: segment.location(), "a patient level (HL 23) before any subscriber (HL 22)") }
            if current.patient != nil || !current.claims.isEmpty {
                try closeGroup()
                group = current
                group?.claims = []
            }
            group?.patient = .init(relationship: "", person: Self.blankPerson)
        default:
            throw X12Error(.value, at: segment.location(3), "\(quoted(segment.bytes(3))) is not an 837P level (20, 22, 23)")
        }
        target = .none
    }

    /// NM1: a party; which one, and where the N3/N4/DMG that follow go, depends on NM101.
    private mutating func readNM1(_ segment: Segment) throws(X12Error) {
        let entity = try segment.required(1, "NM101 (entity identifier)")
        checkName(segment)
        switch entity {
        case "41":
            submitter = .init(name: try segment.required(3, "NM103 (submitter name)"), etin: try segment.required(9, "NM109 (ETIN)"),
                              contactName: "", phone: "")
        case "40":
            receiver = .init(name: try segment.required(3, "NM103 (receiver name)"), id: try segment.required(9, "NM109 (receiver id)"))
        case "85":
            let party = try segment.party()
            provider?.entityType = party.entityType
            provider?.name = party.name.value
            let value = try npi(segment)
            provider?.npi = value
            target = .billing
        case "IL":
            let party = try segment.party()
            if claim != nil, other != nil {
                other?.subscriber.name = party.name.value
                other?.subscriber.memberID = party.id?.value
                target = .otherSubscriber
            } else {
                group?.subscriber.name = party.name.value
                group?.subscriber.memberID = party.id?.value
                target = .subscriber
            }
        case "QC":
            group?.patient?.person.name = try segment.party().name.value
            target = .patient
        case "PR":
            let payer = SubscriberClaims.Payer(name: try segment.required(3, "NM103 (payer name)"), id: try segment.required(9, "NM109 (payer id)"))
            if claim != nil, other != nil { other?.payer = payer; target = .otherPayer } else { group?.payer = payer; target = .skipped }
        case "82":
            let party = try segment.party()
            let value = try npi(segment)
            claim?.renderingProvider = .init(name: party.name.value, npi: value)
            target = .skipped
        case "DQ":
            let party = try segment.party()
            let value = try npi(segment)
            claim?.supervisingProvider = .init(name: party.name.value, npi: value)
            target = .skipped
        default:
            target = .skipped
        }
    }

    /// N3 (with the N4 after it): the address of the party the last NM1 named.
    private mutating func readN3(_ segment: Segment) throws(X12Error) {
        let next = segment.index - segments[0].index + 1 < segments.count ? segments[segment.index - segments[0].index + 1] : nil
        let address = try segment.address(n4: next)
        switch target {
        case .billing: provider?.address = address
        case .subscriber: group?.subscriber.address = address
        case .patient: group?.patient?.person.address = address
        case .otherSubscriber: other?.subscriber.address = address
        default: break
        }
    }

    /// DMG: the birth date and gender of the subscriber or patient the last NM1 named.
    private mutating func readDMG(_ segment: Segment) throws(X12Error) {
        let birth = try segment.date(2, phi: true)
        switch target {
        case .subscriber: group?.subscriber.birthDate = birth; group?.subscriber.gender = segment.element(3)
        case .patient: group?.patient?.person.birthDate = birth; group?.patient?.person.gender = segment.element(3)
        default: break
        }
    }

    /// REF: the provider's tax id, the claim's prior authorization or original claim number, a line's control number.
    private mutating func readREF(_ segment: Segment) throws(X12Error) {
        let value = try segment.required(2, "REF02 (reference)")
        switch segment.element(1) {
        case "EI" where claim == nil: provider?.taxID = value
        case "G1" where line == nil && other == nil: claim?.priorAuthorization = value
        case "F8" where line == nil && other == nil: claim?.originalPayerClaimNumber = value
        case "6R": line?.lineControlNumber = value
        default: break
        }
    }

    /// SBR: the subscriber's payer sequence and plan, or, inside a claim, another payer (loop 2320).
    private mutating func readSBR(_ segment: Segment) throws(X12Error) {
        if claim != nil {
            closeOther()
            other = .init(payerSequence: try segment.required(1, "SBR01 (payer sequence)"), relationship: segment.element(2) ?? "",
                          groupNumber: segment.element(3), filingIndicator: segment.element(9) ?? "",
                          subscriber: Self.blankPerson, payer: .init(name: "", id: ""))
        } else {
            group?.payerSequence = try segment.required(1, "SBR01 (payer sequence)")
            group?.groupNumber = segment.element(3)
            group?.groupName = segment.element(4)
            group?.filingIndicator = segment.element(9) ?? ""
        }
    }

    /// HI: the claim's ICD-10-CM diagnoses (ABK/ABF); ICD-9 qualifiers are kept with a warning, others skipped.
    private mutating func readHI(_ segment: Segment) throws(X12Error) {
        guard claim != nil else { throw misplaced(segment) }
        for position in 1...max(1, min(segment.elementCount, 12)) where !segment.bytes(position).isEmpty {
            let parts = segment.components(position, warnings: &warnings)
            guard parts.count >= 2, !parts[1].isEmpty else {
                throw X12Error(.value, at: segment.location(position), "\(quoted(segment.bytes(position))) is not a diagnosis (qualifier:code)")
            }
            if parts[0] == "BK" || parts[0] == "BF" {
                warnings.append(X12Warning(at: segment.location(position, component: 1),
                                           "qualifier \(parts[0]) is ICD-9; 5010 claims use ABK/ABF (ICD-10-CM)"))
            } else if parts[0] != "ABK" && parts[0] != "ABF" {
                continue
            }
            claim?.diagnoses.append(parts[1])
        }
    }

    /// SVD (loop 2430): an earlier payer's adjudication of the current line; its date comes with the DTP*573 after it.
    private mutating func readSVD(_ segment: Segment) throws(X12Error) -> ProfessionalClaim.LineAdjudication {
        guard let procedure = ProcedureCode(components: segment.components(3, warnings: &warnings)) else {
            throw X12Error(.value, at: segment.location(3), "\(quoted(segment.bytes(3))) is not a procedure composite (HC:code:modifiers)")
        }
        guard let units = try segment.quantity(5) else {
            throw X12Error(.structure, at: segment.location(5), "SVD05 (units paid) is missing")
        }
        return .init(payerID: try segment.required(1, "SVD01 (other payer id)"), paid: try segment.requiredAmount(2, "SVD02 (paid)"),
                     procedure: procedure, units: units, adjudicationDate: .placeholder)
    }

    /// Changes the current line's last loop 2430.
    private mutating func lastLineAdjudication(_ change: (inout ProfessionalClaim.LineAdjudication) -> Void) {
        guard var current = line, !current.otherPayerAdjudications.isEmpty else { return }
        change(&current.otherPayerAdjudications[current.otherPayerAdjudications.count - 1])
        line = current
    }

    /// DTP: a line's date of service (472), an earlier payer's adjudication date of the line (573 in loop 2430) or of
    /// the claim (573 in loop 2330B).
    private mutating func readDTP(_ segment: Segment) throws(X12Error) {
        if lineAdjudication, segment.element(1) == "573", segment.element(2) == "D8" {
            let date = try segment.date(3)
            if let date { lastLineAdjudication { $0.adjudicationDate = date } }
        } else if line != nil, segment.element(1) == "472" {
            if let period = try segment.period(qualifierAt: 2) { line?.serviceDate = period; lineHasDate = true }
        } else if other != nil, segment.element(1) == "573", segment.element(2) == "D8" {
            other?.adjudicationDate = try segment.date(3)
        }
    }

    /// NM101, NM102 and NM108 against the guide's rules for the loop the NM1 is in: 2420 after an SV1, 2330 after a
    /// claim's SBR, 2310 inside a claim, else the header and 2010 loops.
    private mutating func checkName(_ segment: Segment) {
        if line != nil {
            segment.checkName(NameRule.professionalLine, place: "the 837P service line (loop 2420)", warnings: &warnings)
        } else if other != nil {
            segment.checkName(NameRule.professionalOtherPayer, place: "the 837P other payer (loop 2330)", warnings: &warnings)
        } else if claim != nil {
            segment.checkName(NameRule.professionalClaim, place: "the 837P claim (loop 2310)", warnings: &warnings)
        } else {
            segment.checkName(NameRule.professionalHeader, place: "the 837P header and loop 2010", warnings: &warnings)
        }
    }

    private func misplaced(_ segment: Segment) -> X12Error {
        X12Error(.structure, at: segment.location(), "\(segment.id) is out of place in the 837P")
    }

    private mutating func npi(_ segment: Segment) throws(X12Error) -> String {
        guard segment.element(8) == "XX", let value = segment.element(9) else {
            throw X12Error(.structure, at: segment.location(8), "an NPI (NM108 XX and NM109) is required")
        }
        if !NPI.isValid(value) {
            warnings.append(X12Warning(at: segment.location(9), "NPI \(quoted(segment.bytes(9))) fails its check digit"))
        }
        return value
    }

    private mutating func readCLM(_ segment: Segment) throws(X12Error) -> ProfessionalClaim {
        let number = try segment.required(1, "CLM01 (patient control number)")
        if number.utf8.count > 20 {
            throw X12Error(.value, at: segment.location(1), "CLM01 \(quoted(segment.bytes(1))) is longer than 20 characters")
        }
        if !seenClaimNumbers.insert(number).inserted {
            warnings.append(X12Warning(at: segment.location(1), "CLM01 \(quoted(segment.bytes(1))) appears more than once in this transaction set"))
        }
        let facility = segment.components(5, warnings: &warnings)
        guard facility.count == 3, !facility[0].isEmpty, !facility[2].isEmpty else {
            throw X12Error(.value, at: segment.location(5), "\(quoted(segment.bytes(5))) is not place of service:B:frequency")
        }
        return ProfessionalClaim(
            claimNumber: number, totalCharge: try segment.requiredAmount(2, "CLM02 (total charge)"), placeOfService: facility[0],
            frequency: facility[2], providerSignature: segment.element(6) == "Y", assignment: segment.element(7) ?? "",
            benefitsAssigned: segment.element(8) ?? "", releaseOfInformation: segment.element(9) ?? "", diagnoses: [], lines: [])
    }

    private mutating func readSV1(_ segment: Segment) throws(X12Error) -> ProfessionalClaim.ServiceLine {
        guard let procedure = ProcedureCode(components: segment.components(1, warnings: &warnings)) else {
            throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not a procedure composite (HC:code:modifiers)")
        }
        guard let units = try segment.quantity(4) else {
            throw X12Error(.structure, at: segment.location(4), "SV104 (units) is missing")
        }
        var pointers: [Int] = []
        for text in segment.components(7, warnings: &warnings) {
            guard let pointer = Int(text), (1...12).contains(pointer) else {
                throw X12Error(.value, at: segment.location(7), "\(quoted(segment.bytes(7))) is not a list of diagnosis pointers")
            }
            pointers.append(pointer)
        }
        return .init(procedure: procedure, charge: try segment.requiredAmount(2, "SV102 (line charge)"),
                     unitQualifier: try segment.required(3, "SV103 (unit qualifier)"), units: units, placeOfService: segment.element(5),
                     diagnosisPointers: pointers, serviceDate: DatePeriod(start: .placeholder))
    }

    private mutating func closeLine() throws(X12Error) {
        lineAdjudication = false
        guard let done = line else { return }
        if !lineHasDate, let lineSegment {
            throw X12Error(.structure, at: lineSegment.location(), "the service line has no DTP*472 date of service")
        }
        claim?.lines.append(done)
        line = nil
    }

    private mutating func closeOther() {
        if let done = other { claim?.otherPayers.append(done) }
        other = nil
    }

    private mutating func closeClaim() throws(X12Error) {
        try closeLine()
        closeOther()
        guard let done = claim, let clm = claimSegment else { return }
        if !["1", "6", "7", "8"].contains(done.frequency) {
            warnings.append(X12Warning(at: clm.location(5, component: 3), "claim \(done.claimNumber): frequency \(quoted(Array(done.frequency.utf8))) is not 1, 6, 7 or 8"))
        } else if ["7", "8"].contains(done.frequency), done.originalPayerClaimNumber == nil {
            warnings.append(X12Warning(at: clm.location(5, component: 3), "claim \(done.claimNumber): frequency \(done.frequency) without REF*F8 (the payer's original claim number)"))
        }
        let sum = done.lines.map(\.charge).sum()
        if sum != done.totalCharge {
            warnings.append(X12Warning(at: clm.location(2), "claim \(done.claimNumber): CLM02 \(done.totalCharge) differs from Σ SV102 \(sum)"))
        }
        if done.diagnoses.isEmpty {
            warnings.append(X12Warning(at: clm.location(), "claim \(done.claimNumber) has no diagnosis (HI)"))
        }
        group?.claims.append(done)
        claim = nil
    }

    private mutating func closeGroup() throws(X12Error) {
        try closeClaim()
        if let done = group { provider?.subscribers.append(done) }
        group = nil
    }

    private mutating func closeProvider() throws(X12Error) {
        try closeGroup()
        if let done = provider { providers.append(done) }
        provider = nil
    }
}
