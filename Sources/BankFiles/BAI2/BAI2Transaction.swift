import Billing

/// A transaction detail (16, with its 88 continuations): one credit or debit to an account.
public struct BAI2Transaction: Sendable, Equatable {
    /// The BAI type code: 100–399 credits (165 preauthorized ACH credit, 169 miscellaneous ACH credit,
    /// 195 incoming wire, 301 commercial deposit …), 400–699 debits.
    public var typeCode: String
    /// The amount in cents, never negative (the type code says credit or debit).
    public var amount: Money
    /// The funds type and its availability.
    public var funds: BAI2Funds
    /// The bank's reference number.
    public var bankReference: String
    /// The customer's reference number (for an ACH credit often the company entry description or trace).
    public var customerReference: String
    /// The free text, continuations joined (for an ACH CCD+ credit it carries the addenda, e.g. `TRN*1*…\`).
    public var text: String
    /// The physical record number of the 16 in the file (1-based), for messages.
    public var record: Int

    /// Whether the type code is a credit (100–399).
    public var isCredit: Bool { Int(typeCode).map { (100...399).contains($0) } ?? false }
    /// Whether the type code is a debit (400–699).
    public var isDebit: Bool { Int(typeCode).map { (400...699).contains($0) } ?? false }

    /// The EFT trace number a CCD+ addenda carries in its TRN segment (`TRN*1*<trace>*<originator>`): the
    /// 835's TRN02, by which a deposit is matched to the remittance; nil when the text has none.
    public var reassociationTrace: String? {
        guard let range = text.range(of: "TRN*") else { return nil }
        let elements = text[range.upperBound...].split(separator: "*", maxSplits: 2, omittingEmptySubsequences: false)
        guard elements.count >= 2 else { return nil }
        let trace = elements[1].prefix { !"\\~ ".contains($0) }
        return trace.isEmpty ? nil : String(trace)
    }
}
