import EventStore

/// A person's TOTP secret sealed under the company tenant's data key (decision 0018): AES-256-GCM through
/// `DataKey`, bound to the table, the company and the login, so a sealed secret copied to another person's row,
/// or opened under a practice's key or another company's, does not open. The database stores only what `seal`
/// makes (`rcm_auth.totp_factors.sealed`); the product opens it to check a code and forgets it.
public enum TOTPSecretSeal {
    /// What the sealed bytes are bound to.
    public static func context(login: String, company: TenantID) -> String { "rcm_auth.totp_factors|\(company)|\(login)" }

    /// Seals a secret for `login` under the company's data key.
    public static func seal(_ secret: [UInt8], login: String, company: TenantID, key: DataKey) throws -> [UInt8] {
        try key.seal(secret, context: context(login: login, company: company))
    }

    /// Opens what `seal` made for the same login, company and key; throws a `SealingError` (naming the table, never
    /// a secret) for anything else.
    public static func open(_ sealed: [UInt8], login: String, company: TenantID, key: DataKey) throws -> [UInt8] {
        try key.open(sealed, context: context(login: login, company: company))
    }
}
