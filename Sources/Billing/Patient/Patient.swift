/// The patient aggregate: a pseudonymous key, an identity digest, coverages, authorizations, Part 2 flag.
///
/// Stream `"patient-<key>"`. No event carries a direct identifier.
public enum Patient {
    /// The stream id of a patient.
    public static func streamID(_ key: PatientKey) -> String { "patient-\(key.rawValue)" }

    /// What we know of a patient.
    public struct State: Sendable, Equatable {
        /// The pseudonymous key, once registered.
        public var key: PatientKey?
        /// Salted hash of the identity record; nil once forgotten.
        public var identityDigest: String?
        /// True after the identity was destroyed.
        public var identityForgotten = false
        /// Coverages by id.
        public var coverages: [CoverageID: Coverage] = [:]
        /// Authorizations by number.
        public var authorizations: [String: Authorization] = [:]
        /// True when the patient has substance-use treatment records (42 CFR Part 2).
        public var substanceUseSensitive = false

        /// A patient not yet registered.
        public init() {}

        /// The coverage with a payer active on a date.
        public func coverage(payer: PayerID, on date: LocalDate) -> Coverage? {
            coverages.values.filter { $0.payerID == payer && $0.effective.contains(date) }.min { $0.id < $1.id }
        }

        /// The next payer after `order` active on a date (COB), if any.
        public func coverage(after order: PayerOrder, on date: LocalDate) -> Coverage? {
            coverages.values.filter { $0.order > order && $0.effective.contains(date) }
                .min { ($0.order, $0.id) < ($1.order, $1.id) }
        }
    }

    /// Before registration.
    public static let initial = State()
}
