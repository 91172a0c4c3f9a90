extension ProfessionalClaim {
    /// Loop 2430 (line adjudication information): what an earlier payer (loop 2330B) did with one service line of a
    /// secondary or tertiary claim, as its 835 said: SVD, the line's CAS, DTP*573 and AMT*EAF.
    public struct LineAdjudication: Sendable, Hashable, Codable {
        /// SVD01: the earlier payer's id, as NM109 of its loop 2330B.
        public var payerID: String
        /// SVD02: what that payer paid for the line (may be zero).
        public var paid: X12Amount
        /// SVD03: the procedure as that payer adjudicated it.
        public var procedure: ProcedureCode
        /// SVD05: units paid.
        public var units: X12Quantity
        /// CAS: the line's adjustments by that payer.
        public var adjustments: [Adjustment]
        /// DTP*573: the date that payer adjudicated the line (its check or remittance date).
        public var adjudicationDate: X12Date
        /// AMT*EAF: what the patient still owes on the line after that payer.
        public var remainingPatientLiability: X12Amount?

        /// A line adjudication.
        public init(
            payerID: String, paid: X12Amount, procedure: ProcedureCode, units: X12Quantity, adjustments: [Adjustment] = [],
            adjudicationDate: X12Date, remainingPatientLiability: X12Amount? = nil
        ) {
            self.payerID = payerID
            self.paid = paid
            self.procedure = procedure
            self.units = units
            self.adjustments = adjustments
            self.adjudicationDate = adjudicationDate
            self.remainingPatientLiability = remainingPatientLiability
        }
    }
}
