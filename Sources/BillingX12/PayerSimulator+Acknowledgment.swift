import X12

/// The 999 and the 277CA.
extension PayerSimulator {
    /// The clearinghouse's 999 accepting the interchange's transaction set.
    static func implementationAcknowledgment(_ interchange: ProfessionalClaimInterchange) -> ImplementationAcknowledgment {
        ImplementationAcknowledgment(
            controlNumber: "0001", groupFunctionalID: "HC",
            groupControlNumber: String(interchange.envelope.groupControlNumber),
            groupVersion: ProfessionalClaimInterchange.implementation,
            transactionSets: [
                .init(
                    setID: "837", controlNumber: interchange.transactionControlNumber,
                    implementation: ProfessionalClaimInterchange.implementation, result: "A")
            ], groupResult: .init(code: "A", includedCount: 1, receivedCount: 1, acceptedCount: 1))
    }

    /// The 277CAs of an interchange, one transaction set per payer, each from the payer (HL 20 NM1*PR with its
    /// 277CA payer id) → submitter (TRN*2 = BHT03, STC A1:19, counts) → billing providers (counts) → claims
    /// (TRN*2 = CLM01, STC, REF*1K). Every count and amount is computed from the claim statuses below it.
    func claimAcknowledgments(
        _ interchange: ProfessionalClaimInterchange, statuses: [(Incoming, StatusInfo, String?)],
        controls: SimulatorControls
    ) -> [ClaimAcknowledgment] {
        var payers: [String] = []
        for (item, _, _) in statuses where !payers.contains(item.identity.claimPayerID) {
            payers.append(item.identity.claimPayerID)
        }
        return payers.enumerated().map { index, payerID in
            let mine = statuses.filter { $0.0.identity.claimPayerID == payerID }
            return Self.claimAcknowledgment(
                interchange, payer: mine[0].0.identity, statuses: mine, controls: controls, setNumber: index + 1)
        }
    }

    /// Accepted and rejected claims and charges of `items`.
    static func counts(_ items: [(Incoming, StatusInfo, String?)]) -> (Int, Int, X12Amount, X12Amount) {
        let accepted = items.filter { !$0.1.isRejection }
        let rejected = items.filter { $0.1.isRejection }
        return (
            accepted.count, rejected.count, accepted.map(\.0.claim.totalCharge).sum(),
            rejected.map(\.0.claim.totalCharge).sum()
        )
    }

    /// One payer's 277CA transaction set for an interchange.
    static func claimAcknowledgment(
        _ interchange: ProfessionalClaimInterchange, payer: SimulatedPayer, statuses: [(Incoming, StatusInfo, String?)],
        controls: SimulatorControls, setNumber: Int
    ) -> ClaimAcknowledgment {
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
                        trace: "\(interchange.batchReference)-\(providers.count + 1)",
                        statuses: [StatusInfo(category: "A1", code: "19", entity: "PR", date: controls.date, action: "WQ")],
                        acceptedCount: a, rejectedCount: r, acceptedAmount: aa, rejectedAmount: ra), claims: claims))
        }
        let (a, r, aa, ra) = counts(statuses)
        let receiver = ClaimAcknowledgment.Receiver(
            entity: .init(
                entity: "41", name: PersonName(last: interchange.submitter.name), idQualifier: "46",
                id: interchange.submitter.etin, trace: interchange.batchReference,
                statuses: [StatusInfo(category: "A1", code: "19", entity: "PR", date: controls.date, action: "WQ")],
                acceptedCount: a, rejectedCount: r, acceptedAmount: aa, rejectedAmount: ra),
            providers: providers)
        let receipt =
            payer.acknowledgmentPayerID + controls.date.x12.dropFirst(2)
            + String(interchange.envelope.interchangeControlNumber % 1_000_000).leftPadded(6)
        return ClaimAcknowledgment(
            controlNumber: String(setNumber).leftPadded(4),
            reference: "\(payer.acknowledgmentPayerID)\(interchange.transactionControlNumber)", date: controls.date,
            time: controls.time.x12,
            source: .init(
                entity: "PR", name: PersonName(last: payer.name), idQualifier: "PI", id: payer.acknowledgmentPayerID,
                trace: receipt,
                dates: [
                    QualifiedDate("050", DatePeriod(start: controls.date)), QualifiedDate("009", DatePeriod(start: controls.date)),
                ]),
            receivers: [receiver])
    }
}
