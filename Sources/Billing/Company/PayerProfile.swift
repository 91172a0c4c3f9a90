/// A payer in the company's catalog: the payload of `company.payer_added`.
public struct PayerProfile: Sendable, Codable, Equatable {
    /// Our id for the payer (e.g. `aetna`).
    public var payerID: String
    /// Its name.
    public var name: String
    /// The payer id claims are routed to (NM1*PR PI), e.g. a carve-out's.
    public var x12PayerID: String
    /// commercial, medicare, medicaid, medicaid-mco, eap, carve-out.
    public var kind: String
    /// The claim filing indicator (SBR09): CI, MB, MC, HM, …
    public var filingIndicator: String

    /// Makes a payer.
    public init(payerID: String, name: String, x12PayerID: String, kind: String, filingIndicator: String) {
        self.payerID = payerID
        self.name = name
        self.x12PayerID = x12PayerID
        self.kind = kind
        self.filingIndicator = filingIndicator
    }
}
