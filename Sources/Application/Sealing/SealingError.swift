/// Why PHI could not be sealed or opened: a missing, truncated or wrong key-encryption key, a destroyed data
/// key, a damaged record. The sentence names the key file and key ids, never a value it protects.
public struct SealingError: Error, Sendable, CustomStringConvertible {
    /// The sentence for a person (no PHI).
    public let description: String

    /// An error with a sentence.
    public init(_ description: String) { self.description = description }
}
