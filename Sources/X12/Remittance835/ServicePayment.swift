/// Loop 2110: one SVC, the adjudication of one service line.
public struct ServicePayment: Sendable, Hashable, Codable {
    /// SVC01: the procedure as adjudicated (code and modifiers).
    public var procedure: ProcedureCode
    /// SVC02: line charge.
    public var charge: X12Amount
    /// SVC03: line paid.
    public var paid: X12Amount
    /// SVC04: revenue code (institutional).
    public var revenueCode: String?
    /// SVC05: paid units.
    public var units: X12Quantity?
    /// SVC06: the procedure as submitted, when the payer changed it.
    public var submittedProcedure: ProcedureCode?
    /// SVC07: original units.
    public var originalUnits: X12Quantity?
    /// DTM 472 (service), 150/151 (period start/end).
    public var dates: [QualifiedDate]
    /// Line-level CAS.
    public var adjustments: [Adjustment]
    /// REF*6R: our line item control number.
    public var lineControlNumber: String?
    /// Other line REF (LU, 0K, 1B…).
    public var references: [Reference]
    /// AMT*B6: allowed.
    public var allowed: X12Amount?
    /// Other line AMT (KH…).
    public var amounts: [QualifiedAmount]
    /// LQ*HE: remittance advice remark codes (RARC).
    public var remarkCodes: [String]
    /// The segment number of the SVC (0 for values built in memory).
    public var segmentNumber: Int

    /// A service payment.
    public init(procedure: ProcedureCode, charge: X12Amount, paid: X12Amount, revenueCode: String? = nil,
                units: X12Quantity? = nil, submittedProcedure: ProcedureCode? = nil, originalUnits: X12Quantity? = nil,
                dates: [QualifiedDate] = [], adjustments: [Adjustment] = [], lineControlNumber: String? = nil,
                references: [Reference] = [], allowed: X12Amount? = nil, amounts: [QualifiedAmount] = [],
                remarkCodes: [String] = [], segmentNumber: Int = 0) {
        self.procedure = procedure
        self.charge = charge
        self.paid = paid
        self.revenueCode = revenueCode
        self.units = units
        self.submittedProcedure = submittedProcedure
        self.originalUnits = originalUnits
        self.dates = dates
        self.adjustments = adjustments
        self.lineControlNumber = lineControlNumber
        self.references = references
        self.allowed = allowed
        self.amounts = amounts
        self.remarkCodes = remarkCodes
        self.segmentNumber = segmentNumber
    }

    /// The date of service: DTM*472, else the DTM*150/151 period.
    public var serviceDate: DatePeriod? {
        if let single = dates.first(where: { $0.qualifier == "472" }) { return single.period }
        guard let start = dates.first(where: { $0.qualifier == "150" })?.period.start else { return nil }
        return DatePeriod(start: start, end: dates.first(where: { $0.qualifier == "151" })?.period.end ?? start)
    }
}
