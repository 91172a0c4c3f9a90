extension ImplementationAcknowledgment {
    /// A 999 as inspect shows it.
    public struct Summary: Sendable, Hashable, Codable {
        /// ST02.
        public var controlNumber: String
        /// AK101 and AK102.
        public var acknowledgedGroup: String
        /// AK901.
        public var groupResult: String
        /// AK902–AK904.
        public var included: Int, received: Int, accepted: Int
        /// One line per AK2: `837 0002: R (5); IK3 CLM at 22 code 8 [IK4 2 code 6]`.
        public var transactionSets: [String]
    }

    /// The summary (bad values are not shown: they may be PHI).
    public var summary: Summary {
        Summary(
            controlNumber: controlNumber, acknowledgedGroup: groupFunctionalID + " " + groupControlNumber, groupResult: groupResult.code,
            included: groupResult.includedCount, received: groupResult.receivedCount, accepted: groupResult.acceptedCount,
            transactionSets: transactionSets.map { set in
                var text = "\(set.setID) \(set.controlNumber): \(set.result)"
                if !set.errorCodes.isEmpty { text += " (\(set.errorCodes.joined(separator: ", ")))" }
                for error in set.segmentErrors {
                    text += "; IK3 \(error.segmentID) at \(error.position)\(error.loopID.map { " loop \($0)" } ?? "") code \(error.code)"
                    for context in error.contexts { text += " [\(context.name)\(context.reference.map { " " + $0 } ?? "")]" }
                    for element in error.elementErrors {
                        text += " [IK4 element \(element.position)\(element.componentPosition.map { "-\($0)" } ?? "") code \(element.code)]"
                    }
                }
                return text
            })
    }
}

extension ClaimAcknowledgment {
    /// A 277CA as inspect shows it: claims counted from their own statuses, beside what the receivers report.
    public struct Summary: Sendable, Hashable, Codable {
        /// ST02.
        public var controlNumber: String
        /// BHT03.
        public var reference: String
        /// TRN*2 of each receiver: the 837 batch references acknowledged.
        public var batchReferences: [String]
        /// Claims whose statuses accept them (A0, A1, A2, A5 and no rejection).
        public var accepted: Int
        /// Claims whose statuses reject them (A3, A4, A6, A7, A8).
        public var rejected: Int
        /// Claims with neither (pending, finalized or error categories).
        public var undetermined: Int
        /// Σ STC04 of the accepted claims (claims without STC04 count nothing).
        public var acceptedAmount: X12Amount
        /// Σ STC04 of the rejected claims.
        public var rejectedAmount: X12Amount
        /// Σ QTY*90 over the receivers (loop 2200B); nil when none reports it.
        public var reportedAccepted: Int?
        /// Σ QTY*AA over the receivers; nil when none reports it.
        public var reportedRejected: Int?
        /// Σ AMT*YU over the receivers; nil when none reports it.
        public var reportedAcceptedAmount: X12Amount?
        /// Σ AMT*YY over the receivers; nil when none reports it.
        public var reportedRejectedAmount: X12Amount?
        /// Every reported receiver total equals what the receiver's claims show (warnings name each difference,
        /// the billing providers' QTY*QA/QC and AMT included).
        public var countsAgree: Bool
        /// One entry per claim.
        public var claims: [Claim]

        /// One claim.
        public struct Claim: Sendable, Hashable, Codable {
            /// TRN*2 (CLM01).
            public var claimNumber: String
            /// `A7:562:82` for each STC.
            public var statuses: [String]
            /// Accepted, rejected or undetermined, from the categories.
            public var outcome: ClaimStatus.Outcome
            /// Any rejection category.
            public var rejected: Bool
            /// REF*1K.
            public var payerClaimNumber: String?
        }
    }

    /// The summary.
    public var summary: Summary {
        let claims = self.claims
        func amount(_ claim: ClaimStatus) -> X12Amount { claim.statedCharge ?? .zero }
        func reported<T>(_ value: KeyPath<Entity, T?>, _ add: ([T]) -> T) -> T? {
            let values = receivers.compactMap { $0.entity[keyPath: value] }
            return values.isEmpty ? nil : add(values)
        }
        let accepted = claims.filter { $0.outcome == .accepted }
        let rejected = claims.filter { $0.outcome == .rejected }
        let agree = receivers.allSatisfy { receiver in
            let mine = receiver.providers.flatMap(\.claims)
            let yes = mine.filter { $0.outcome == .accepted }
            let no = mine.filter { $0.outcome == .rejected }
            let entity = receiver.entity
            return (entity.acceptedCount.map { $0 == yes.count } ?? true) && (entity.rejectedCount.map { $0 == no.count } ?? true)
                && (entity.acceptedAmount.map { stated in yes.statedCharges.map { $0 == stated } ?? true } ?? true)
                && (entity.rejectedAmount.map { stated in no.statedCharges.map { $0 == stated } ?? true } ?? true)
        }
        return Summary(
            controlNumber: controlNumber, reference: reference, batchReferences: receivers.compactMap(\.entity.trace),
            accepted: accepted.count, rejected: rejected.count, undetermined: claims.count - accepted.count - rejected.count,
            acceptedAmount: accepted.map(amount).sum(), rejectedAmount: rejected.map(amount).sum(),
            reportedAccepted: reported(\.acceptedCount) { $0.reduce(0, +) },
            reportedRejected: reported(\.rejectedCount) { $0.reduce(0, +) },
            reportedAcceptedAmount: reported(\.acceptedAmount) { $0.sum() },
            reportedRejectedAmount: reported(\.rejectedAmount) { $0.sum() },
            countsAgree: agree,
            claims: claims.map { claim in
                Summary.Claim(
                    claimNumber: claim.claimNumber,
                    statuses: claim.statuses.map { ([$0.category, $0.code] + ($0.entity.map { [$0] } ?? [])).joined(separator: ":") },
                    outcome: claim.outcome, rejected: claim.isRejected, payerClaimNumber: claim.payerClaimNumber)
            })
    }
}

extension ProfessionalClaimInterchange {
    /// An 837P as inspect shows it.
    public struct Summary: Sendable, Hashable, Codable {
        /// ST02.
        public var controlNumber: String
        /// BHT03.
        public var batchReference: String
        /// Σ CLM02.
        public var totalCharge: X12Amount
        /// `CLM01 charge (n lines, frequency f)` per claim.
        public var claims: [String]
    }

    /// The summary.
    public var summary: Summary {
        Summary(controlNumber: transactionControlNumber, batchReference: batchReference, totalCharge: claims.map(\.totalCharge).sum(),
                claims: claims.map { "\($0.claimNumber) \($0.totalCharge) (\($0.lines.count) lines, frequency \($0.frequency))" })
    }
}
