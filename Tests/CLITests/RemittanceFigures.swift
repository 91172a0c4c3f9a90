/// One 835 transaction set's figures, read from the file's text with nothing but string splitting (never our X12
/// reader), so that `rcm era show` can be checked against numbers it did not compute. Amounts are cents.
struct RemittanceFigures: Equatable {
    /// TRN02: the check or EFT number.
    var trace = ""
    /// N1*PE's NM109: the payee's NPI.
    var payeeNPI = ""
    /// BPR02, negative when BPR03 is D.
    var bpr = 0
    /// CLP01 → Σ CLP04 of that claim in this set.
    var claimPayments: [String: Int] = [:]
    /// CLP07 (the payer's claim control number) → CLP01.
    var payerClaimNumbers: [String: String] = [:]
    /// Every PLB item as (code, reference, amount) in file order.
    var providerAdjustments: [(code: String, reference: String, amount: Int)] = []

    /// Σ CLP04.
    var claimTotal: Int { claimPayments.values.reduce(0, +) }
    /// Σ PLB amounts.
    var adjustmentTotal: Int { providerAdjustments.map(\.amount).reduce(0, +) }
    /// The PLB amounts of one code.
    func adjustments(_ code: String) -> [Int] { providerAdjustments.filter { $0.code == code }.map(\.amount) }

    static func == (left: RemittanceFigures, right: RemittanceFigures) -> Bool {
        left.trace == right.trace && left.payeeNPI == right.payeeNPI && left.bpr == right.bpr && left.claimPayments == right.claimPayments
            && left.providerAdjustments.map { "\($0.code)|\($0.reference)|\($0.amount)" }
                == right.providerAdjustments.map { "\($0.code)|\($0.reference)|\($0.amount)" }
    }

    /// Every transaction set of an 835 written with `*`, `:` and `~`.
    static func sets(_ text: String) -> [RemittanceFigures] {
        var result: [RemittanceFigures] = []
        var current = RemittanceFigures()
        for raw in text.split(separator: "~") {
            let elements = raw.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "*", omittingEmptySubsequences: false).map(
                String.init)
            switch elements.first {
            case "ST": current = RemittanceFigures()
            case "BPR": current.bpr = cents(elements[2]) * (elements[3] == "D" ? -1 : 1)
            case "TRN": current.trace = elements[2]
            case "N1" where elements[1] == "PE": current.payeeNPI = elements.count > 4 ? elements[4] : ""
            case "CLP":
                current.claimPayments[elements[1], default: 0] += cents(elements[4])
                if elements.count > 7 { current.payerClaimNumbers[elements[7]] = elements[1] }
            case "PLB":
                var index = 3
                while index + 1 < elements.count {
                    let composite = elements[index].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                    current.providerAdjustments.append((composite[0], composite.count > 1 ? composite[1] : "", cents(elements[index + 1])))
                    index += 2
                }
            case "SE": result.append(current)
            default: break
            }
        }
        return result
    }

    /// "43.8" → 4380, "-0.15" → -15, "120" → 12000.
    static func cents(_ text: String) -> Int {
        let negative = text.hasPrefix("-")
        let parts = text.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int(parts[0]) ?? 0
        let fraction = parts.count > 1 ? Int(String(parts[1].prefix(2)).padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        return (whole * 100 + fraction) * (negative ? -1 : 1)
    }

    /// 4380 → "43.80", -15 → "-0.15".
    static func text(_ cents: Int) -> String {
        let magnitude = abs(cents)
        let fraction = String(magnitude % 100)
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction.count == 1 ? "0" + fraction : fraction)
    }

    /// The identity `rcm era show` must print for this set, with both sides, from the file's own figures.
    var identity: String {
        "BPR02 \(Self.text(bpr)) = claim payments \(Self.text(claimTotal)) (posted \(Self.text(claimTotal)) + unapplied 0.00) − PLB \(Self.text(adjustmentTotal)) = \(Self.text(claimTotal - adjustmentTotal)): reconciles"
    }
}
