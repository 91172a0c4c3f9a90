import Billing
import BillingX12
import TestSupport
import Testing
import X12

/// The payer catalog as a billing company keeps it: our payer, the X12 id claims are sent to, and the aliases it
/// registered from the payer's companion guide (the 835's REF*2U and TRN03, the 277CA's payer id).
struct PayerCatalog {
    var entries: [(payer: PayerID, x12ID: String, aliases: [String])]

    /// The catalog payer an 835 belongs to, by REF*2U or TRN03, never by our own slug.
    func payer(for remittance: Remittance) -> PayerID? {
        let ids = [remittance.payer.identifier, remittance.trace.originatorID].compactMap { $0 }
        return entries.first { entry in ids.contains { $0 == entry.x12ID || entry.aliases.contains($0) } }?.payer
    }

    /// World's two payers sent as `acme` and `medicaid`, with the aliases `rcm simulate payers` lists for them.
    static func world(acme: String = World.acme.rawValue, medicaid: String = World.medicaid.rawValue) -> PayerCatalog {
        let directory = SimulatedPayerDirectory.builtIn
        return PayerCatalog(entries: [
            (World.acme, acme, directory.payer(for: acme).aliases),
            (World.medicaid, medicaid, directory.payer(for: medicaid).aliases),
        ])
    }
}

/// Building 837P interchanges from World's claims.
enum Interchanges {
    /// The claims of `world` billed to `payer`, written and read back as an 837P whose payer id (2010BB NM109)
    /// is `sentAs`: the X12 id the catalog holds for our payer.
    static func of(
        _ world: World, payer: PayerID = World.acme, sentAs: String? = nil, control: Int, filing: String? = nil
    ) throws -> ProfessionalClaimInterchange {
        let batch = try World.builder.build(
            payer: payer, claims: world.submissions(payer: payer), control: World.control(control),
            filingIndicator: filing ?? (payer == World.medicaid ? "MC" : "CI"))
        let bytes = try batch.interchange.x12()
        try X12Validator.validate(bytes: bytes)
        let interchange = try X12File(bytes: bytes).professionalClaims().interchanges[0]
        return sentAs.map { sent(interchange, to: $0) } ?? interchange
    }

    /// The interchange with every subscriber's payer id (2010BB NM109) set to `payerID`.
    static func sent(_ interchange: ProfessionalClaimInterchange, to payerID: String) -> ProfessionalClaimInterchange {
        var sent = interchange
        for p in sent.billingProviders.indices {
            for s in sent.billingProviders[p].subscribers.indices {
                sent.billingProviders[p].subscribers[s].payer.id = payerID
            }
        }
        return sent
    }

    /// The same interchange sent again under new control numbers with its claim numbers prefixed `prefix`: as
    /// another practice of the billing company (its own billing provider: NPI, tax id, name) when `otherPractice`.
    static func copy(
        _ interchange: ProfessionalClaimInterchange, control: Int, prefix: String, otherPractice: Bool = true
    ) -> ProfessionalClaimInterchange {
        var other = interchange
        other.envelope.interchangeControlNumber = control
        other.envelope.groupControlNumber = control
        other.transactionControlNumber = "\(2000 + control)"
        other.batchReference = "COPY\(control)"
        for p in other.billingProviders.indices {
            if otherPractice {
                other.billingProviders[p].npi = "1326047515"
                other.billingProviders[p].taxID = "742223333"
                other.billingProviders[p].name = PersonName(last: "Hillside Therapy Associates")
            }
            for s in other.billingProviders[p].subscribers.indices {
                for c in other.billingProviders[p].subscribers[s].claims.indices {
                    other.billingProviders[p].subscribers[s].claims[c].claimNumber =
                        prefix + other.billingProviders[p].subscribers[s].claims[c].claimNumber
                }
            }
        }
        return other
    }

    /// Controls for a run on `date` (YYYY-MM-DD).
    static func controls(_ date: String, control: Int) -> SimulatorControls {
        let day = LocalDate(date)!
        return SimulatorControls(
            senderID: "SIMCH", date: X12Date(year: day.year, month: day.month, day: day.day)!,
            time: X12Time(hour: 8, minute: 0)!, firstControlNumber: control)
    }
}

/// An 835 transaction set as the test reads it from the raw segments, without the product's reader, so that the
/// figures checked against it are computed independently.
struct RawPayment {
    var handling = ""
    var amount: Int64 = 0
    var method = ""
    var trace = ""
    var originator = ""
    var payerName = ""
    var payerID: String?
    var payeeNPI = ""
    var claims: [Claim] = []
    var adjustments: [(code: String, reference: String, amount: Int64)] = []
    var crossovers: [(name: String, id: String)] = []

    struct Claim {
        var number: String
        var status: String
        var charge: Int64
        var paid: Int64
        var payerClaimNumber: String
        var remarks: [String]
    }

    var claimsPaid: Int64 { claims.map(\.paid).reduce(0, +) }
    var adjustmentTotal: Int64 { adjustments.map(\.amount).reduce(0, +) }

    /// Cents of an X12 decimal (`-12.5` → -1250).
    static func cents(_ text: String) -> Int64 {
        let negative = text.hasPrefix("-")
        let parts = (negative ? String(text.dropFirst()) : text).split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0]))!
        let fraction = parts.count > 1 ? String((String(parts[1]) + "00").prefix(2)) : "00"
        let value = whole * 100 + Int64(fraction)!
        return negative ? -value : value
    }

    /// The segments of a file written with `*`, `:` and `~`.
    static func segments(_ bytes: [UInt8]) -> [[String]] {
        String(decoding: bytes, as: UTF8.self).split(separator: "~").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        }.filter { !$0.isEmpty && !$0[0].isEmpty }
    }

    /// Every 835 transaction set of a file.
    static func read(_ bytes: [UInt8]) -> [RawPayment] {
        var payments: [RawPayment] = []
        var current: RawPayment?
        var place = ""
        func element(_ s: [String], _ i: Int) -> String { i < s.count ? s[i] : "" }
        for s in segments(bytes) {
            switch s[0] {
            case "ST": current = RawPayment()
            case "BPR":
                current?.handling = s[1]
                current?.amount = cents(s[2])
                current?.method = s[4]
            case "TRN":
                current?.trace = s[2]
                current?.originator = element(s, 3)
            case "N1":
                place = s[1]
                if s[1] == "PR" { current?.payerName = s[2] }
                if s[1] == "PE" { current?.payeeNPI = element(s, 4) }
            case "REF" where place == "PR" && s[1] == "2U": current?.payerID = s[2]
            case "CLP":
                place = "CLP"
                current?.claims.append(
                    Claim(number: s[1], status: s[2], charge: cents(s[3]), paid: cents(s[4]), payerClaimNumber: element(s, 7), remarks: []))
            case "MOA":
                let remarks = s.dropFirst(3).filter { !$0.isEmpty }
                if let last = current?.claims.indices.last { current?.claims[last].remarks += remarks }
            case "NM1" where s[1] == "TT": current?.crossovers.append((s[3], element(s, 9)))
            case "PLB":
                var index = 3
                while index + 1 < s.count {
                    let parts = s[index].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                    current?.adjustments.append((parts[0], parts.count > 1 ? parts[1] : "", cents(s[index + 1])))
                    index += 2
                }
            case "SE":
                if let done = current { payments.append(done) }
                current = nil
                place = ""
            default: break
            }
        }
        return payments
    }
}

extension PayerResponse {
    /// The 835 files' transaction sets, read raw.
    var rawPayments: [RawPayment] { files.filter { $0.kind == "835" }.flatMap { RawPayment.read($0.bytes) } }
}
