/// A balancing identity of an 835 that does not hold. A well-formed but unbalanced file still parses; its
/// findings say where and by how much.
public struct BalanceFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which identity.
    public enum Level: String, Sendable, Hashable, Codable {
        /// SVC02 − SVC03 = Σ line CAS.
        case line
        /// CLP03 − CLP04 = Σ claim CAS + Σ line CAS.
        case claim
        /// CLP05 = Σ PR adjustments (claim and lines). Advisory: payers differ in how they report it.
        case patientResponsibility
        /// BPR02 = Σ CLP04 − Σ PLB (BPR02 negative when BPR03 is D).
        case payment
    }

    /// Which identity failed.
    public var level: Level
    /// ST02 of the transaction set.
    public var transactionControlNumber: String
    /// CLP01 of the claim, for line, claim and patient-responsibility findings.
    public var patientControlNumber: String?
    /// Index of the claim within the remittance, from 0.
    public var claimIndex: Int?
    /// Index of the line within the claim, from 0.
    public var lineIndex: Int?
    /// The segment number of the BPR's ST, CLP or SVC (0 when built in memory).
    public var segmentNumber: Int
    /// The left side, as the file states it (BPR02, CLP03 − CLP04, SVC02 − SVC03, CLP05).
    public var stated: X12Amount
    /// The right side, as computed from its parts.
    public var computed: X12Amount

    /// `segment 14 (CLP 5554555444): charge − paid 350.00 ≠ adjustments 340.00 (off by 10.00)`.
    public var description: String {
        let place: String
        switch level {
        case .payment: place = "transaction set \(transactionControlNumber): BPR02 \(stated) ≠ ΣCLP04 − ΣPLB \(computed)"
        case .claim: place = "claim \(patientControlNumber ?? "?"): CLP03 − CLP04 = \(stated) ≠ Σ adjustments \(computed)"
        case .line:
            place = "claim \(patientControlNumber ?? "?"), line \((lineIndex ?? 0) + 1): SVC02 − SVC03 = \(stated) ≠ Σ line adjustments \(computed)"
        case .patientResponsibility: place = "claim \(patientControlNumber ?? "?"): CLP05 \(stated) ≠ Σ PR adjustments \(computed)"
        }
        let prefix = segmentNumber > 0 ? "segment \(segmentNumber): " : ""
        return "\(prefix)\(place) (off by \(stated - computed))"
    }
}
