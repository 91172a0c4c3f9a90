import Billing

/// A payer as the 837P names it: the name and the X12 payer id of its companion guide (NM1*PR, 2010BB and
/// 2330B), never our catalog id.
public struct SubmissionPayer: Sendable, Hashable {
    /// NM103.
    public var name: String
    /// NM109 (qualifier PI): the payer id claims are routed to.
    public var x12PayerID: String
    /// The claim filing indicator (SBR09: `CI`, `MB`, `MC`…), written in loop 2320 when the payer paid before.
    public var filingIndicator: String

    /// A payer.
    public init(name: String, x12PayerID: String, filingIndicator: String = "CI") {
        self.name = name
        self.x12PayerID = x12PayerID
        self.filingIndicator = filingIndicator
    }
}
