import Billing
import X12

/// Who a simulated payer is: its names and numbers, none of them ours. The 837P's payer id (loop 2010BB NM109)
/// selects it; everything it sends carries its own identity: TRN03 `1` + its EIN, its 835 payer id in REF*2U
/// (which may differ from the id claims are sent to, as a clearinghouse's payer id does), its 277CA payer id,
/// its payer claim control numbers (CLP07), its check or EFT numbers and its bank.
public struct SimulatedPayer: Sendable, Hashable, Codable {
    /// The payer id claims are sent to (837P 2010BB NM109): the key of the directory.
    public var claimPayerID: String
    /// N1*PR name on the 835 and NM1*PR name on the 277CA.
    public var name: String
    /// The employer identification number (9 digits); TRN03 and BPR10 are `1` + EIN.
    public var ein: String
    /// REF*2U of the 835 (additional payer identification); nil when the payer sends none, so the payer is known
    /// by TRN03 alone.
    public var remittancePayerID: String?
    /// TRN04: a division code some payers add to TRN03; nil when not sent.
    public var supplementalCode: String?
    /// NM109 (qualifier PI) of the 277CA's information source (loop 2100A).
    public var acknowledgmentPayerID: String
    /// ISA06 of the payer's 835 interchanges.
    public var interchangeID: String
    /// N3/N4 of the payer on the 835.
    public var address: Address
    /// How the payer numbers the claims it adjudicates (CLP07, REF*1K).
    public var claimNumbers: ClaimNumberFormat
    /// Check or EFT, with the payer's numbers and bank.
    public var payment: PaymentMethod
    /// One check or EFT for every payee of a cycle (each payee its own 835 transaction set under the same trace
    /// number), as when a payer pays a billing agent; false: one payment per payee.
    public var consolidatesPayees: Bool
    /// The supplemental payer claims are forwarded to (CLP02 19 and NM1*TT), when the payer crosses claims over.
    public var crossover: Crossover?

    /// A payer.
    public init(
        claimPayerID: String, name: String, ein: String, remittancePayerID: String?, supplementalCode: String? = nil,
        acknowledgmentPayerID: String, interchangeID: String, address: Address, claimNumbers: ClaimNumberFormat,
        payment: PaymentMethod, consolidatesPayees: Bool = false, crossover: Crossover? = nil
    ) {
        self.claimPayerID = claimPayerID
        self.name = name
        self.ein = ein
        self.remittancePayerID = remittancePayerID
        self.supplementalCode = supplementalCode
        self.acknowledgmentPayerID = acknowledgmentPayerID
        self.interchangeID = interchangeID
        self.address = address
        self.claimNumbers = claimNumbers
        self.payment = payment
        self.consolidatesPayees = consolidatesPayees
        self.crossover = crossover
    }

    /// TRN03 (and BPR10 of an EFT): `1` followed by the EIN.
    public var originatorID: String { "1" + ein }

    /// What a billing company registers as aliases of this payer (beside the X12 payer id claims are sent to) so
    /// that its 835s and 277CAs match: the 835's REF*2U, TRN03 and the 277CA payer id, each once, the claim payer
    /// id left out.
    public var aliases: [String] {
        var result: [String] = []
        for value in [remittancePayerID, originatorID, acknowledgmentPayerID].compactMap({ $0 })
        where value != claimPayerID && !result.contains(value) {
            result.append(value)
        }
        return result
    }

    /// The payer a payer forwards claims to: NM1*TT name and id (qualifier PI).
    public struct Crossover: Sendable, Hashable, Codable {
        /// NM103.
        public var name: String
        /// NM109.
        public var payerID: String
        /// The partner's claim payer id in the directory, when the simulator plays it too: it then pays the forwarded
        /// claim in a follow-up 835 of the same run, as a secondary (CLP02 2, OA-23 for the primary's share).
        public var claimPayerID: String?

        /// A crossover partner.
        public init(name: String, payerID: String, claimPayerID: String? = nil) {
            self.name = name
            self.payerID = payerID
            self.claimPayerID = claimPayerID
        }
    }

    /// How the payer pays.
    public enum PaymentMethod: Sendable, Hashable, Codable {
        /// Paper checks (BPR04 CHK), numbered from `firstCheck` upwards.
        case check(firstCheck: Int)
        /// ACH credits in CCD+ format (BPR04 ACH, BPR05 CCP) from the payer's bank and account; the trace
        /// number (TRN02) is the ACH trace: the payer's bank's 8-digit routing prefix and a 7-digit sequence.
        case eft(routing: String, account: String)

        /// BPR04 when money moves.
        public var code: String {
            switch self {
            case .check: "CHK"
            case .eft: "ACH"
            }
        }
    }
}

/// How a payer writes its payer claim control numbers (CLP07 and the 277CA's REF*1K). Each payer has one format;
/// `number(_:on:)` turns the payer's running sequence and the adjudication date into a number.
public enum ClaimNumberFormat: Sendable, Hashable, Codable {
    /// A Medicare-style 13-digit ICN: region (2), year (2), Julian day (3), batch (3) and sequence (3).
    case medicareICN(region: String)
    /// A Medicaid-style 17-digit TCN: a media digit, year (2), Julian day (3) and an 11-digit sequence.
    case medicaidTCN(media: String)
    /// A prefix and a zero-padded sequence of `digits` digits.
    case prefixed(String, digits: Int)
    /// A prefix, the date (YYMMDD), a hyphen and a 5-digit sequence.
    case dated(String)
    /// A prefix and `length` upper-case base-36 characters.
    case base36(String, length: Int)

    /// The claim control number for sequence number `sequence` on `date`.
    public func number(_ sequence: Int, on date: X12Date) -> String {
        let year = String(date.year % 100).leftPadded(2)
        let julian = String(date.dayOfYear).leftPadded(3)
        switch self {
        case .medicareICN(let region):
            return region + year + julian + String(sequence / 1000 % 1000).leftPadded(3)
                + String(sequence % 1000).leftPadded(3)
        case .medicaidTCN(let media):
            return media + year + julian + String(sequence % 100_000_000_000).leftPadded(11)
        case .prefixed(let prefix, let digits):
            return prefix + String(sequence).leftPadded(digits)
        case .dated(let prefix):
            let text = date.x12
            return prefix + text.dropFirst(2) + "-" + String(sequence % 100_000).leftPadded(5)
        case .base36(let prefix, let length):
            // A multiplicative scramble keeps consecutive numbers from looking consecutive; it is a bijection
            // on 0..<36^length, so numbers never repeat.
            var modulus = 1
            for _ in 0..<length { modulus *= 36 }
            let scrambled = (sequence % modulus) * 7_919 % modulus
            return prefix + String(scrambled, radix: 36).uppercased().leftPadded(length)
        }
    }
}

extension X12Date {
    /// The day of the year, 1…366.
    var dayOfYear: Int { LocalDate(year: year, month: 1, day: 1)!.days(to: LocalDate(self)) + 1 }

    /// Days since 1970-01-01.
    var dayNumber: Int { LocalDate(self).daysSinceEpoch }
}

extension String {
    /// The text with zeros in front up to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
