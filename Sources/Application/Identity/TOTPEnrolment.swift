import Foundation

/// A TOTP enrolment as the person sees it once (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits): the
/// secret as base32, an `otpauth://` URI for an authenticator app, and ten recovery codes. The database
/// keeps the secret only sealed under the company's data key (owner-only table) and the codes' hashes; none of
/// this can be shown again.
public struct TOTPEnrolment: Sendable, Equatable {
    /// The secret, base32 without padding.
    public let secret: String
    /// `otpauth://totp/Issuer:login?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`.
    public let uri: String
    /// The ten single-use recovery codes.
    public let recoveryCodes: [String]

    /// The URI as a QR code for the app's camera: an SVG with a quiet zone (`QRCode`, level M).
    public var qrSVG: String { QRCode(bytes: Array(uri.utf8))?.svg() ?? "" }

    /// The secret's length in bytes (160 bits, as RFC 4226 recommends).
    public static let secretBytes = 20

    /// The enrolment of `secret` for `login`.
    public init(login: String, secret bytes: [UInt8], recoveryCodes: [String], issuer: String = "RevenueCycle") {
        let secret = Base32.encode(bytes)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let label = "\(issuer):\(login)".addingPercentEncoding(withAllowedCharacters: allowed.union(CharacterSet(charactersIn: ":")))!
        let issuerText = issuer.addingPercentEncoding(withAllowedCharacters: allowed)!
        self.secret = secret
        self.uri = "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuerText)&algorithm=SHA1&digits=6&period=30"
        self.recoveryCodes = recoveryCodes
    }
}
