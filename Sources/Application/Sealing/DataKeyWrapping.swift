import Crypto
import EventStore

/// What wraps and unwraps the practices' data keys: the operator's key ring today, a cloud KMS
/// (`Encrypt`/`Decrypt` under a named key) tomorrow. The PHI store stores `wrapped` and `keyID` beside the
/// tenant and asks for the key back; it never sees a key-encryption key.
public protocol DataKeyWrapping: Sendable {
    /// The id of the key new data keys are wrapped under.
    var currentKeyID: String { get }
    /// Wraps a practice's data key under the current key-encryption key.
    func wrap(_ dataKey: SymmetricKey, tenant: TenantID) throws -> (wrapped: [UInt8], keyID: String)
    /// Unwraps a practice's data key that was wrapped under `keyID`; throws a `SealingError` naming the keys.
    func unwrap(_ wrapped: [UInt8], keyID: String, tenant: TenantID) throws -> SymmetricKey
}
