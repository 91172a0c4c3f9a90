/// Reads one 835 transaction set into a `Remittance`.
struct RemittanceParser {
    let segments: [Segment]
    var warnings: [X12Warning] = []

    init(segments: [Segment]) { self.segments = segments }

    private enum Place { case header, payer, payee, claim, line, trailer }

    mutating func parse() throws(X12Error) -> Remittance {
        guard let st = segments.first else {
            throw X12Error(.structure, at: X12Location(), "an empty transaction set")
        }
        let control = st.element(2) ?? ""
        var payment: Remittance.Payment?
        var trace: Remittance.Trace?
        var receiverID: String?
        var productionDate: X12Date?
        var payer: Remittance.Payer?
        var payee: Remittance.Payee?
        var claims: [ClaimPayment] = []
        var claim: ClaimPayment?
        var line: ServicePayment?
        var plbs: [ProviderAdjustment] = []
        var place = Place.header

        func closeLine() {
            if let done = line { claim?.lines.append(done) }
            line = nil
        }
        func closeClaim() {
            closeLine()
            if let done = claim { claims.append(done) }
            claim = nil
        }

        for (offset, segment) in segments.enumerated() where offset > 0 && offset < segments.count - 1 {
            let next = offset + 1 < segments.count ? segments[offset + 1] : nil
            switch segment.tag {
            case .x12("BPR"):
                guard payment == nil else { throw duplicate(segment) }
                payment = try readBPR(segment)
            case .x12("TRN"):
                guard trace == nil else { throw duplicate(segment) }
                trace = Remittance.Trace(number: try segment.required(2, "TRN02 (check or EFT trace number)"),
                                         originatorID: segment.element(3), supplementalCode: segment.element(4))
            case .x12("REF"):
                let reference = Reference(try segment.required(1, "REF01 (qualifier)"), try segment.required(2, "REF02 (reference)"))
                switch place {
                case .header: if reference.qualifier == "EV" { receiverID = reference.value }
                case .payer: if reference.qualifier == "2U" { payer?.identifier = reference.value }
                case .payee: payee?.references.append(reference)
                case .claim: claim?.references.append(reference)
                case .line:
                    if reference.qualifier == "6R" { line?.lineControlNumber = reference.value } else { line?.references.append(reference) }
                case .trailer: throw misplaced(segment)
                }
            case .x12("DTM"):
                let qualifier = try segment.required(1, "DTM01 (date qualifier)")
                guard let date = try segment.date(2) else {
                    throw X12Error(.structure, at: segment.location(2), "DTM02 (date) is missing")
                }
                switch place {
                case .header, .payer, .payee: if qualifier == "405" { productionDate = date }
                case .claim: claim?.dates.append(QualifiedDate(qualifier, DatePeriod(start: date)))
                case .line: line?.dates.append(QualifiedDate(qualifier, DatePeriod(start: date)))
                case .trailer: throw misplaced(segment)
                }
            case .x12("N1"):
                let code = try segment.required(1, "N101 (entity identifier)")
                let name = try segment.required(2, "N102 (name)")
                if code == "PR" {
                    guard payer == nil else { throw duplicate(segment) }
                    payer = Remittance.Payer(name: name)
                    place = .payer
                    segment.checkCode(3, in: ["XV"], "N103 (payer id qualifier)", warnings: &warnings)
                } else if code == "PE" {
                    guard payee == nil else { throw duplicate(segment) }
                    let qualifier = try segment.required(3, "N103 (payee id qualifier)")
                    segment.checkCode(3, in: ["FI", "XV", "XX"], "N103 (payee id qualifier)", warnings: &warnings)
                    payee = Remittance.Payee(name: name, idQualifier: qualifier, id: try segment.required(4, "N104 (payee id)"))
                    place = .payee
                } else {
                    warnings.append(X12Warning(at: segment.location(1), "N1 entity \(quoted(segment.bytes(1))) is not PR or PE; ignored"))
                }
            case .x12("N3"):
                let address = try segment.address(n4: next)
                if place == .payer { payer?.address = address } else if place == .payee { payee?.address = address }
            case .x12("LX"):
                closeClaim()
                place = .payee
            case .x12("CLP"):
                closeClaim()
                guard payment != nil, payer != nil, payee != nil else {
                    throw X12Error(.structure, at: segment.location(), "CLP before the BPR, payer (N1*PR) and payee (N1*PE) header")
                }
                claim = try readCLP(segment)
                place = .claim
            case .x12("CAS"):
                let adjustments = try segment.adjustments(warnings: &warnings)
                switch place {
                case .claim: claim?.adjustments += adjustments
                case .line: line?.adjustments += adjustments
                default: throw misplaced(segment)
                }
            case .x12("NM1"):
                guard place == .claim else { throw misplaced(segment) }
                segment.checkName(NameRule.remittanceClaim, place: "the 835 claim (loop 2100)", warnings: &warnings)
                // Only the patient's name (NM1*QC) is required; NM1*74, 82, IL, TT, PR… may come without NM103.
                let party = try segment.party(nameRequired: segment.element(1) == "QC")
                switch party.entity {
                case "QC": claim?.patient = party
                case "IL": claim?.insured = party
                case "82": claim?.renderingProvider = party
                default: claim?.otherParties.append(party)
                }
            case .x12("MOA"):
                guard place == .claim else { throw misplaced(segment) }
                for position in 3...7 {
                    if let code = segment.element(position) { claim?.remarkCodes.append(remark(code, segment, position)) }
                }
            case .x12("MIA"):
                guard place == .claim else { throw misplaced(segment) }
                // MIA05 and MIA20–MIA23 are remark codes; MIA24 is an amount (PPS capital exception).
                for position in [5, 20, 21, 22, 23] {
                    if let code = segment.element(position) { claim?.remarkCodes.append(remark(code, segment, position)) }
                }
            case .x12("AMT"):
                let amount = QualifiedAmount(try segment.required(1, "AMT01 (qualifier)"), try segment.requiredAmount(2, "AMT02 (amount)"))
                switch place {
                case .claim: claim?.amounts.append(amount)
                case .line: if amount.qualifier == "B6" { line?.allowed = amount.amount } else { line?.amounts.append(amount) }
                default: throw misplaced(segment)
                }
            case .x12("SVC"):
                guard claim != nil else { throw misplaced(segment) }
                closeLine()
                line = try readSVC(segment)
                place = .line
            case .x12("LQ"):
                guard place == .line else { throw misplaced(segment) }
                segment.checkCode(1, in: ["HE", "RX"], "LQ01 (code list qualifier)", warnings: &warnings)
                if segment.element(1) == "HE" {
                    line?.remarkCodes.append(remark(try segment.required(2, "LQ02 (remark code)"), segment, 2))
                }
            case .x12("PLB"):
                closeClaim()
                place = .trailer
                plbs.append(try readPLB(segment))
            case .x12("N4"), .x12("PER"), .x12("TS3"), .x12("TS2"), .x12("QTY"), .x12("NTE"), .x12("CUR"), .x12("RDM"):
                if place == .trailer { throw misplaced(segment) }
            default:
                warnings.append(X12Warning(at: segment.location(), "\(segment.id) is not an 835 segment; ignored"))
            }
        }
        closeClaim()
        guard let payment else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no BPR") }
        guard let trace else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no TRN") }
        guard let payer else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no payer (N1*PR)") }
        guard let payee else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no payee (N1*PE)") }
        return Remittance(controlNumber: control, payment: payment, trace: trace, receiverID: receiverID,
                          productionDate: productionDate, payer: payer, payee: payee, claims: claims,
                          providerAdjustments: plbs, segmentNumber: st.number)
    }

    /// A remittance advice remark code, checked against the RARC list (code source 411).
    private mutating func remark(_ code: String, _ segment: Segment, _ position: Int) -> String {
        segment.checkCode(code, at: position, in: .remarkCodes, warnings: &warnings)
        return code
    }

    private func duplicate(_ segment: Segment) -> X12Error {
        X12Error(.structure, at: segment.location(), "a second \(segment.id) where the 835 allows one")
    }

    private func misplaced(_ segment: Segment) -> X12Error {
        X12Error(.structure, at: segment.location(), "\(segment.id) is out of place in the 835")
    }

    private mutating func readBPR(_ segment: Segment) throws(X12Error) -> Remittance.Payment {
        let handling = try segment.required(1, "BPR01 (transaction handling code)")
        guard ["C", "D", "H", "I", "P", "U", "X"].contains(handling) else {
            throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not a transaction handling code")
        }
        let creditDebit = try segment.required(3, "BPR03 (credit/debit flag)")
        guard creditDebit == "C" || creditDebit == "D" else {
            throw X12Error(.value, at: segment.location(3), "\(quoted(segment.bytes(3))) is not C or D")
        }
        var date: X12Date?
        if !segment.bytes(16).isEmpty {
            date = X12Date(bytes: segment.bytes(16))
            if date == nil {
                warnings.append(X12Warning(at: segment.location(16), "\(quoted(segment.bytes(16))) is not a date (CCYYMMDD); the payment date is left empty"))
            }
        } else if X12Date(bytes: segment.bytes(15)) != nil, segment.elementCount == 15 {
            warnings.append(X12Warning(
                at: segment.location(16),
                "BPR16 (payment date) is missing; BPR15 holds \(quoted(segment.bytes(15))), a date one element early (a separator short?); the payment date is left empty"))
        } else {
            warnings.append(X12Warning(at: segment.location(16), "BPR16 (payment date) is missing"))
        }
        var transfer: Remittance.Payment.Transfer?
        if let senderBank = segment.element(7), let senderAccount = segment.element(9), let company = segment.element(10),
           let receiverBank = segment.element(13), let receiverAccount = segment.element(15) {
            transfer = .init(
                senderBank: .init(bankQualifier: segment.element(6) ?? "", bank: senderBank, accountQualifier: segment.element(8) ?? "",
                                  account: senderAccount),
                originatingCompanyID: company, originatingCompanySupplementalCode: segment.element(11),
                receiverBank: .init(bankQualifier: segment.element(12) ?? "", bank: receiverBank, accountQualifier: segment.element(14) ?? "",
                                    account: receiverAccount))
        }
        return Remittance.Payment(handlingCode: handling, amount: try segment.requiredAmount(2, "BPR02 (payment amount)"),
                                  creditDebit: creditDebit, method: segment.element(4), format: segment.element(5), transfer: transfer,
                                  date: date)
    }

    private static let statuses: Set<String> = ["1", "2", "3", "4", "19", "20", "21", "22", "23", "25"]

    private mutating func readCLP(_ segment: Segment) throws(X12Error) -> ClaimPayment {
        let status = try segment.required(2, "CLP02 (claim status)")
        if !Self.statuses.contains(status) {
            warnings.append(X12Warning(at: segment.location(2), "\(quoted(segment.bytes(2))) is not a 5010 claim status code"))
        }
        return ClaimPayment(
            patientControlNumber: try segment.required(1, "CLP01 (patient control number)"), status: status,
            charge: try segment.requiredAmount(3, "CLP03 (billed amount)"), paid: try segment.requiredAmount(4, "CLP04 (paid amount)"),
            patientResponsibility: try segment.amount(5), filingIndicator: segment.element(6),
            payerClaimNumber: segment.element(7), facilityCode: segment.element(8), frequency: segment.element(9),
            segmentNumber: segment.number)
    }

    private mutating func readSVC(_ segment: Segment) throws(X12Error) -> ServicePayment {
        guard let procedure = ProcedureCode(components: segment.components(1, warnings: &warnings)) else {
            throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not a procedure composite (qualifier, then code)")
        }
        var submitted: ProcedureCode?
        if !segment.bytes(6).isEmpty {
            guard let value = ProcedureCode(components: segment.components(6, warnings: &warnings)) else {
                throw X12Error(.value, at: segment.location(6), "\(quoted(segment.bytes(6))) is not a procedure composite (qualifier, then code)")
            }
            submitted = value
        }
        return ServicePayment(
            procedure: procedure, charge: try segment.requiredAmount(2, "SVC02 (line charge)"),
            paid: try segment.requiredAmount(3, "SVC03 (line paid)"), revenueCode: segment.element(4),
            units: try segment.quantity(5), submittedProcedure: submitted, originalUnits: try segment.quantity(7),
            segmentNumber: segment.number)
    }

    private mutating func readPLB(_ segment: Segment) throws(X12Error) -> ProviderAdjustment {
        let provider = try segment.required(1, "PLB01 (provider identifier)")
        guard let date = try segment.date(2) else {
            throw X12Error(.structure, at: segment.location(2), "PLB02 (fiscal period date) is missing")
        }
        var items: [ProviderAdjustment.Item] = []
        var position = 3
        while position <= 13 {
            if !segment.bytes(position).isEmpty {
                let parts = segment.components(position, warnings: &warnings)
                guard let reason = parts.first, !reason.isEmpty else {
                    throw X12Error(.structure, at: segment.location(position, component: 1), "the adjustment reason is missing")
                }
                let amount = try segment.requiredAmount(position + 1, "the amount for reason \(quoted(Array(reason.utf8)[...]))")
                items.append(.init(reason: reason, reference: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil, amount: amount))
            }
            position += 2
        }
        guard !items.isEmpty else {
            throw X12Error(.structure, at: segment.location(3), "PLB03 (adjustment identifier) is missing")
        }
        return ProviderAdjustment(providerID: provider, fiscalPeriodDate: date, items: items, segmentNumber: segment.number)
    }
}
