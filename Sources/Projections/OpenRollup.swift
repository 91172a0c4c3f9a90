import Billing

/// The shape of `ar_open_rollup` (decision 0304): the open balances of `ar_open` for each aging anchor, summed over
/// aligned blocks of anchor dates of 1, 4, 16, 64 and 256 days (a block starts a multiple of its grain of days after
/// 1970-01-01). Every claim side with a balance is in one block of each grain, for each anchor.
///
/// Aged to a day, a bucket is the difference of two suffix sums ("the balances anchored on b or later"), and the
/// suffix from b is: the days from b to the next 4-day boundary, then 4-day blocks to the next 16-day boundary, and so
/// on, then every 256-day block after — at most three blocks of each grain below the top. The report reads those
/// blocks for the four bucket edges and every top block (the totals), whatever "today" is.
public enum OpenRollup {
    /// The block sizes in days, finest first; each divides the next by `branching`.
    public static let grains = [1, 4, 16, 64, 256]
    /// How many blocks of one grain make a block of the next.
    static let branching = 4
    /// The coarsest grain: its blocks are read whole for the totals.
    static let top = 256

    /// The first day (days since 1970-01-01) of the block of `grain` days that holds `day`.
    static func blockStart(_ day: Int, grain: Int) -> Int { day - ((day % grain) + grain) % grain }

    /// The date an open balance on a side ages from, as the report's scan of `claim_status` reads it: the date of
    /// service; the first submission to the current payer (insurance) or the patient's first bill (patient), else
    /// the claim's creation; or the last activity.
    static func anchorDate(_ row: ClaimRow, side: Side, anchor: AgingAnchor) -> String {
        switch anchor {
        case .service: row.serviceDate
        case .submitted: (side == .insurance ? row.payerSubmittedOn : row.patientBilledOn) ?? row.createdOn
        case .activity: row.lastActivityOn
        }
    }

    /// Who owes a balance.
    enum Side: String, Sendable, Hashable, Comparable {
        case insurance
        case patient

        static func < (lhs: Side, rhs: Side) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The key of a row (within one tenant).
    struct Key: Sendable, Hashable, Comparable {
        var anchor: AgingAnchor
        var grain: Int
        /// The block's first day, in days since 1970-01-01.
        var start: Int
        var side: Side
        var payerID: String
        var provider: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.anchor.rawValue, lhs.grain, lhs.start, lhs.side, lhs.payerID, lhs.provider)
                < (rhs.anchor.rawValue, rhs.grain, rhs.start, rhs.side, rhs.payerID, rhs.provider)
        }
    }

    /// The sums of a row, in cents and claims.
    struct Amounts: Sendable, Hashable {
        /// Positive balances.
        var open: Int64 = 0
        /// Negative balances (credits).
        var credit: Int64 = 0
        /// Claims with a balance on the row's side.
        var claims: Int64 = 0
        /// The same claims counted once across both sides (the A/R report's count).
        var once: Int64 = 0

        mutating func add(open: Int64, credit: Int64, claims: Int64, once: Int64) {
            self.open += open
            self.credit += credit
            self.claims += claims
            self.once += once
        }
    }
}

extension ClaimsFold {
    /// The changes to `ar_open_rollup` that take the loaded rows' open balances out and put the new ones in.
    func openRollupChanges() -> [OpenRollup.Key: OpenRollup.Amounts] {
        var changes: [OpenRollup.Key: OpenRollup.Amounts] = [:]
        func add(_ row: ClaimRow, _ sign: Int64) {
            let sides: [(OpenRollup.Side, Int64)] = [(.insurance, row.insuranceBalance), (.patient, row.patientBalance)]
            for (side, amount) in sides where amount != 0 {
                let once: Int64 = side == .insurance || row.insuranceBalance == 0 ? sign : 0
                for anchor in AgingAnchor.allCases {
                    // The fold writes every anchor date as YYYY-MM-DD; a row without one has nothing to age.
                    guard let date = LocalDate(OpenRollup.anchorDate(row, side: side, anchor: anchor)) else { continue }
                    let day = date.daysSinceEpoch
                    for grain in OpenRollup.grains {
                        let key = OpenRollup.Key(
                            anchor: anchor, grain: grain, start: OpenRollup.blockStart(day, grain: grain), side: side,
                            payerID: row.payerID, provider: row.renderingProvider ?? "")
                        changes[key, default: OpenRollup.Amounts()].add(
                            open: sign * max(amount, 0), credit: sign * min(amount, 0), claims: sign, once: once)
                    }
                }
            }
        }
        for id in dirtyClaims {
            if let before = loaded[id] { add(before, -1) }
            if let after = claims[id] { add(after, 1) }
        }
        return changes.filter { $0.value != OpenRollup.Amounts() }
    }
}
