import X12

/// The payers the simulator plays, by the payer id claims are sent to (837P loop 2010BB NM109). Built in and
/// deterministic: a known id gets its entry, an unknown one an identity synthesized from the id alone (the same
/// id always gives the same payer, whatever the seed), never echoing the id back as its 835 id.
///
/// The demo's payers (`DemoCatalog`, X12 ids DEMO01…DEMO06) are here with identities of their own. What a billing
/// company registers as aliases of each (`rcm payer add … --alias`), so that the 835's TRN03 and REF*2U and the
/// 277CA's payer id match the catalog payer:
///
/// | X12 id | payer as it names itself | TRN03 (`1` + EIN) | REF*2U | 277CA NM109 | pays by | aliases to register |
/// |---|---|---|---|---|---|---|
/// | DEMO01 | BLUEGRASS MUTUAL HEALTH PLAN | 1614829137 | BGMH1 | BGMH1 | EFT, one per practice | BGMH1, 1614829137 |
/// | DEMO02 | PRAIRIE SHIELD INSURANCE COMPANY | 1470615283 (TRN04 NE01) | none | 47061 | one check for all practices | 1470615283, 47061 |
/// | DEMO03 | TALLGRASS GBA JURISDICTION 9 PART B | 1721092375 | 04912 | 04912 | EFT, one per practice | 04912, 1721092375 |
/// | DEMO04 | RIVERBEND MEDICAID HEALTH PLAN | 1364718205 | RVB4401 | DEMO04 | EFT, one per practice | RVB4401, 1364718205 |
/// | DEMO05 | LANTERN EAP SERVICES INC | 1270938164 | DEMO05 | DEMO05 | one check for all practices | 1270938164 |
/// | DEMO06 | KEYSTONE BEHAVIORAL HEALTH MANAGEMENT | 1232847610 | KBH60 | KBH60 | EFT, one per practice | KBH60, 1232847610 |
///
/// DEMO03 (Medicare) crosses claims over to DEMO04 under its coordination-of-benefits id 55004 (NM1*TT); a
/// product that recognises crossovers by payer registers 55004 as an alias of DEMO04 too. DEMO04 then pays the
/// forwarded claim in a follow-up 835 of the same run, as a secondary would, with no 837P of ours.
public struct SimulatedPayerDirectory: Sendable {
    /// The known payers by claim payer id.
    public var payers: [String: SimulatedPayer]

    /// A directory of `payers`.
    public init(_ payers: [SimulatedPayer]) {
        var byID: [String: SimulatedPayer] = [:]
        for payer in payers { byID[payer.claimPayerID] = payer }
        self.payers = byID
    }

    /// The payer claims sent to `id` reach: its entry, or one synthesized from the id (`name` is the name the
    /// 837P gave it, which a synthesized payer keeps, upper-cased).
    public func payer(for id: String, name: String? = nil) -> SimulatedPayer {
        payers[id] ?? Self.synthesized(id: id, name: name)
    }

    /// The built-in directory: the demo's six payers.
    public static let builtIn = SimulatedPayerDirectory([
        SimulatedPayer(
            claimPayerID: "DEMO01", name: "BLUEGRASS MUTUAL HEALTH PLAN", ein: "614829137", remittancePayerID: "BGMH1",
            acknowledgmentPayerID: "BGMH1", interchangeID: "BGMHEDI",
            address: Address(line1: "PO BOX 14079", city: "LEXINGTON", state: "KY", postalCode: "405124079"),
            claimNumbers: .dated("BG"), payment: .eft(routing: routingNumber("08390417"), account: "4471900233")),
        SimulatedPayer(
            claimPayerID: "DEMO02", name: "PRAIRIE SHIELD INSURANCE COMPANY", ein: "470615283", remittancePayerID: nil,
            supplementalCode: "NE01", acknowledgmentPayerID: "47061", interchangeID: "PRAIRIESHIELD",
            address: Address(line1: "PO BOX 82210", city: "LINCOLN", state: "NE", postalCode: "685012210"),
            claimNumbers: .base36("PS", length: 10), payment: .check(firstCheck: 3_004_100), consolidatesPayees: true),
        SimulatedPayer(
            claimPayerID: "DEMO03", name: "TALLGRASS GBA JURISDICTION 9 PART B", ein: "721092375", remittancePayerID: "04912",
            acknowledgmentPayerID: "04912", interchangeID: "04912MAC",
            address: Address(line1: "PO BOX 6703", city: "FARGO", state: "ND", postalCode: "581086703"),
            claimNumbers: .medicareICN(region: "02"), payment: .eft(routing: routingNumber("09110562"), account: "000184420913"),
            crossover: .init(name: "RIVERBEND MEDICAID HEALTH PLAN", payerID: "55004", claimPayerID: "DEMO04")),
        SimulatedPayer(
            claimPayerID: "DEMO04", name: "RIVERBEND MEDICAID HEALTH PLAN", ein: "364718205", remittancePayerID: "RVB4401",
            acknowledgmentPayerID: "DEMO04", interchangeID: "RIVERBENDMCO",
            address: Address(line1: "200 W RIVERBEND PKWY", city: "SPRINGFIELD", state: "IL", postalCode: "627010200"),
            claimNumbers: .medicaidTCN(media: "4"), payment: .eft(routing: routingNumber("07190233"), account: "66120094")),
        SimulatedPayer(
            claimPayerID: "DEMO05", name: "LANTERN EAP SERVICES INC", ein: "270938164", remittancePayerID: "DEMO05",
            acknowledgmentPayerID: "DEMO05", interchangeID: "LANTERNEAP",
            address: Address(line1: "PO BOX 3318", city: "MADISON", state: "WI", postalCode: "537013318"),
            claimNumbers: .prefixed("LN", digits: 9), payment: .check(firstCheck: 18_200), consolidatesPayees: true),
        SimulatedPayer(
            claimPayerID: "DEMO06", name: "KEYSTONE BEHAVIORAL HEALTH MANAGEMENT", ein: "232847610", remittancePayerID: "KBH60",
            acknowledgmentPayerID: "KBH60", interchangeID: "KEYSTONEBH",
            address: Address(line1: "PO BOX 61020", city: "HARRISBURG", state: "PA", postalCode: "171061020"),
            claimNumbers: .base36("KB", length: 9), payment: .eft(routing: routingNumber("03130095"), account: "90027714155")),
    ])

    /// An identity for a payer id the directory does not know, from the id alone: its own EIN, an 835 payer id
    /// `SP` + 5 digits (never the id claims were sent to), a claim number format, check or EFT.
    public static func synthesized(id: String, name: String?) -> SimulatedPayer {
        let hash = SeededRandom.hash("payer|" + id)
        let prefixes = ["13", "20", "22", "23", "26", "27", "36", "41", "46", "52", "56", "58", "61", "62", "72", "86", "95"]
        let ein = prefixes[Int(hash % UInt64(prefixes.count))] + String(hash / 97 % 10_000_000).leftPadded(7)
        let payerID = "SP" + String(hash / 13 % 100_000).leftPadded(5)
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        let letter = String(letters[Int(hash / 7 % UInt64(letters.count))])
        let formats: [ClaimNumberFormat] = [
            .prefixed(letter, digits: 11), .dated(letter + "X"), .base36(letter, length: 11), .medicaidTCN(media: "2"),
        ]
        let payment: SimulatedPayer.PaymentMethod =
            hash / 11 % 2 == 0
            ? .eft(routing: routingNumber("0" + String(hash / 17 % 10_000_000).leftPadded(7)), account: String(hash / 19 % 10_000_000_000))
            : .check(firstCheck: Int(hash / 23 % 900_000) + 100_000)
        let shown = (name ?? "").uppercased().filter { $0.isLetter || $0.isNumber || $0 == " " }.trimmingCharacters()
        return SimulatedPayer(
            claimPayerID: id, name: shown.isEmpty ? "HEALTH PLAN " + payerID : shown, ein: ein, remittancePayerID: payerID,
            acknowledgmentPayerID: payerID, interchangeID: payerID + "EDI",
            address: Address(
                line1: "PO BOX " + String(hash / 29 % 90_000 + 10_000), city: "DENVER", state: "CO",
                postalCode: "80217"
                    + String(hash / 31 % 10_000).leftPadded(4)),
            claimNumbers: formats[Int(hash / 37 % UInt64(formats.count))], payment: payment)
    }

    /// A 9-digit ABA routing number: `eight` digits and the check digit that makes
    /// 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) a multiple of 10.
    static func routingNumber(_ eight: String) -> String {
        let digits = eight.compactMap(\.wholeNumberValue)
        precondition(digits.count == 8, "a routing number needs eight digits before its check digit")
        let sum = 3 * (digits[0] + digits[3] + digits[6]) + 7 * (digits[1] + digits[4] + digits[7]) + digits[2] + digits[5]
        return eight + String((10 - sum % 10) % 10)
    }
}

extension String {
    /// Without spaces at either end.
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
