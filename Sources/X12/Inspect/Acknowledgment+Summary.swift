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
    /// A 277CA as inspect shows it.
    public struct Summary: Sendable, Hashable, Codable {
        /// ST02.
        public var controlNumber: String
        /// BHT03.
        public var reference: String
        /// TRN*2 of each receiver: the 837 batch references acknowledged.
        public var batchReferences: [String]
        /// Σ QTY*90 and QTY*AA over receivers.
        public var accepted: Int, rejected: Int
        /// One entry per claim.
        public var claims: [Claim]

        /// One claim.
        public struct Claim: Sendable, Hashable, Codable {
            /// TRN*2 (CLM01).
            public var claimNumber: String
            /// `A7:562:82` for each STC.
            public var statuses: [String]
            /// Any rejection category.
            public var rejected: Bool
            /// REF*1K.
            public var payerClaimNumber: String?
        }
    }

    /// The summary.
    public var summary: Summary {
        Summary(controlNumber: controlNumber, reference: reference, batchReferences: receivers.compactMap(\.entity.trace),
                accepted: receivers.compactMap(\.entity.acceptedCount).reduce(0, +),
                rejected: receivers.compactMap(\.entity.rejectedCount).reduce(0, +),
                claims: claims.map { claim in
                    Summary.Claim(claimNumber: claim.claimNumber,
                                  statuses: claim.statuses.map { ([$0.category, $0.code] + ($0.entity.map { [$0] } ?? [])).joined(separator: ":") },
                                  rejected: claim.isRejected, payerClaimNumber: claim.payerClaimNumber)
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
