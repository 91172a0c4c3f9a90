/// Where the product keeps and sends PHI, as the code declares it: every column of every table that can
/// hold text, bytes, JSON or dates, classified (`tables`), and every file, stream and message the product
/// writes (`outputs`). `rcm admin inventory` prints it beside the live catalog, and its check fails when the
/// database has a column of such a type that nobody declared (a migration added it) or a declared column is gone.
public enum DataInventory {
    /// What a column holds, as far as PHI goes.
    public enum Holding: String, Sendable, CaseIterable {
        /// Direct identifiers, sealed with AES-256-GCM under the practice's data key.
        case sealed = "PHI, sealed (AES-256-GCM under the practice's data key)"
        /// A keyed hash of identifiers (HMAC under a key derived from the practice's data key).
        case keyedHash = "keyed hash of PHI (HMAC under the practice's key); no clear value"
        /// Direct identifiers in clear text, only in rows kept before V0010, emptied by `rcm admin keys rotate`.
        case clearUntilRotated = "PHI in clear text only in rows kept before V0010; rcm admin keys rotate seals and empties them"
        /// A data key, wrapped by the operator's key-encryption key.
        case wrappedKey = "data key, wrapped by the operator's key-encryption key"
        /// Pseudonymous billing facts: patient keys, dates of service, codes, amounts; no direct identifier.
        case pseudonymous = "pseudonymous: patient keys, dates of service, codes, amounts; no direct identifier (decision 0003)"
        /// Text a person types (reasons, notes): the product puts no identifier there; staff are told not to.
        case freeText = "free text typed by staff (reasons, notes); the product writes no identifier there"
        /// A credential's verifier: a slow or keyed hash of a password, session token or API key, never the secret.
        case credentialHash = "credential verifier: a slow or keyed hash of a password, token or key; never the secret"
        /// A secret the product must use in clear: a webhook's signing secret (no column privilege for staff,
        /// decision 0017), or a second factor's TOTP seed kept in clear before V0019 (owner-only table) until
        /// `rcm admin keys rotate` seals it; not PHI.
        case credentialSecret = "credential secret (a webhook signing secret; a TOTP seed only in rows kept before V0019, until rcm admin keys rotate) no staff login can read; not PHI"
        /// A credential secret sealed with AES-256-GCM under the company's data key: a TOTP seed (decision 0018).
        case sealedSecret = "credential secret sealed (AES-256-GCM under the company's data key); not PHI"
        /// Not PHI: the company's and practices' own business data, hashes, names of things.
        case notPHI = "not PHI"

        /// A short name for listings (`rawValue` says it in full).
        public var label: String {
            switch self {
            case .sealed: "sealed"
            case .keyedHash: "keyed hash"
            case .clearUntilRotated: "clear until rotated"
            case .wrappedKey: "wrapped key"
            case .pseudonymous: "pseudonymous"
            case .freeText: "free text"
            case .credentialHash: "credential hash"
            case .credentialSecret: "credential secret"
            case .sealedSecret: "sealed secret"
            case .notPHI: "not PHI"
            }
        }

        /// Whether the inventory lists it as a place PHI is (or derives from).
        public var isPHI: Bool { self != .notPHI && self != .credentialHash && self != .credentialSecret && self != .sealedSecret }
    }

    /// One table and the classification of its columns that can hold text, bytes, JSON or dates.
    public struct Table: Sendable {
        /// `schema.table`.
        public var name: String
        /// Column name → what it holds.
        public var columns: [String: Holding]

        /// A table.
        public init(_ name: String, _ columns: [String: Holding]) {
            self.name = name
            self.columns = columns
        }
    }

    /// A place the product sends or writes PHI outside its database.
    public struct Output: Sendable {
        /// The kind: file, X12, standard output, log, webhook.
        public var kind: String
        /// What writes it (the command, the type).
        public var source: String
        /// What PHI it carries and how it is protected, or what the operator must do.
        public var carries: String
    }

    /// The PostgreSQL types that can hold PHI (what the check requires a declaration for).
    public static let phiCapableTypes = #"^(text|character|bytea|json|jsonb|date|text\[\]|character varying)"#
}
