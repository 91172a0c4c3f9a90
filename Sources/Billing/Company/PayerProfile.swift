/// A payer in the company's catalog: the payload of `company.payer_added`.
///
/// A payer is known to the outside world by its X12 payer id (the one on its companion guide and the
/// clearinghouse's payer list), which the 837P sends in NM1*PR (2010BB), and by aliases: another id a
/// clearinghouse uses, the id an 835 carries in TRN03 or REF*2U, a 277CA's payer id. Files coming in are
/// matched on those, never on `payerID`, which is ours alone.
public struct PayerProfile: Sendable, Codable, Equatable {
    /// Our id for the payer (e.g. `aetna`): never sent to a payer.
    public var payerID: String
    /// Its name.
    public var name: String
    /// The payer id claims are routed to (NM1*PR PI), e.g. a carve-out's.
    public var x12PayerID: String
    /// commercial, medicare, medicaid, medicaid-mco, eap, carve-out.
    public var kind: String
    /// The claim filing indicator (SBR09): CI, MB, MC, HM, …
    public var filingIndicator: String
    /// Other ids the payer is known by in files that come in (TRN03, REF*2U, a clearinghouse's id).
    public var aliases: [String]

    /// Makes a payer.
    public init(payerID: String, name: String, x12PayerID: String, kind: String, filingIndicator: String, aliases: [String] = []) {
        self.payerID = payerID
        self.name = name
        self.x12PayerID = x12PayerID
        self.kind = kind
        self.filingIndicator = filingIndicator
        self.aliases = aliases
    }

    /// Every id the payer answers to in incoming files: its X12 payer id and its aliases.
    public var identifiers: [String] { [x12PayerID] + aliases }

    enum CodingKeys: String, CodingKey {
        case payerID, name, x12PayerID, kind, filingIndicator, aliases
    }

    /// Decodes a profile; payers added before aliases existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        payerID = try container.decode(String.self, forKey: .payerID)
        name = try container.decode(String.self, forKey: .name)
        x12PayerID = try container.decode(String.self, forKey: .x12PayerID)
        kind = try container.decode(String.self, forKey: .kind)
        filingIndicator = try container.decode(String.self, forKey: .filingIndicator)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
    }

    /// Encodes a profile; an empty alias list is left out, so a payer without aliases is written as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(payerID, forKey: .payerID)
        try container.encode(name, forKey: .name)
        try container.encode(x12PayerID, forKey: .x12PayerID)
        try container.encode(kind, forKey: .kind)
        try container.encode(filingIndicator, forKey: .filingIndicator)
        if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
    }
}

/// `company.payer_updated`: a catalog payer's name, X12 payer id or aliases changed from a date on (a payer
/// merged, a clearinghouse changed its id, a new id appeared on 835s). Claims sent on or after the date carry
/// the new X12 id; files that come in still match the old ids too, since they may answer older claims.
public struct PayerUpdated: Sendable, Codable, Equatable {
    /// Our id for the payer.
    public var payerID: String
    /// The name from the date on.
    public var name: String
    /// The X12 payer id from the date on.
    public var x12PayerID: String
    /// The aliases from the date on.
    public var aliases: [String]
    /// The first business date the change applies to.
    public var effectiveFrom: LocalDate

    /// An update.
    public init(payerID: String, name: String, x12PayerID: String, aliases: [String], effectiveFrom: LocalDate) {
        self.payerID = payerID
        self.name = name
        self.x12PayerID = x12PayerID
        self.aliases = aliases
        self.effectiveFrom = effectiveFrom
    }
}
