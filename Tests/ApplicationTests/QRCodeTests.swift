import Application
import Foundation
import Testing
import TestSupport

/// The product's QR encoder against PyPI's qrcode (Scripts/qr-reference): the same matrix, module for
/// module, for the same bytes, version and mask.
@Suite("QR codes of TOTP enrolments")
struct QRCodeTests {
    static func reference(_ text: String, version: Int, mask: Int) throws -> [[Bool]] {
        let script = Repository.root.appendingPathComponent("Scripts/qr-reference").path
        let output = try Shell.run([script, text, String(version), String(mask)])
        return output.standardOutput.split(separator: "\n").map { $0.map { $0 == "1" } }
    }

    static func picture(_ modules: [[Bool]]) -> String {
        modules.map { String($0.map { $0 ? "#" : "." }) }.joined(separator: "\n")
    }

    @Test(
        "every mask, and versions 1 to 10 (with and without version bits, one and several blocks), match qrcode's matrix",
        arguments: [
            ("a", 1, 0), ("hello", 1, 3), (String(repeating: "x", count: 26), 2, 5), (String(repeating: "7", count: 40), 3, 1),
            ("otpauth://totp/RevenueCycle:jdoe?secret=ABC", 4, 2), (String(repeating: "q", count: 84), 5, 6),
            (String(repeating: "z", count: 100), 6, 7), (String(repeating: "é", count: 55), 7, 4),
            ("otpauth://totp/RevenueCycle:t_ana_1234567890?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=RevenueCycle&algorithm=SHA1&digits=6&period=30", 8, 0),
            (String(repeating: "k", count: 170), 9, 3), (String(repeating: "m", count: 213), 10, 5),
        ])
    func matchesReference(text: String, version: Int, mask: Int) throws {
        let code = try #require(QRCode(bytes: Array(text.utf8), version: version, mask: mask))
        #expect(code.size == 17 + 4 * version)
        let expected = try Self.reference(text, version: version, mask: mask)
        #expect(Self.picture(code.modules) == Self.picture(expected))
    }

    @Test("the smallest version that holds the bytes is chosen, with a mask of the lowest penalty; more than 213 bytes do not fit")
    func chooses() throws {
        let uri = TOTPEnrolment(login: "jdoe", secret: Array(repeating: 7, count: 20), recoveryCodes: []).uri
        let code = try #require(QRCode(bytes: Array(uri.utf8)))
        #expect(code.version == 8, "\(uri.utf8.count) bytes")
        #expect(Self.picture(code.modules) == Self.picture(try Self.reference(uri, version: code.version, mask: code.mask)))
        #expect(QRCode(bytes: Array(repeating: 65, count: 214)) == nil)
        #expect(QRCode(bytes: Array(repeating: 65, count: 14))?.version == 1)
        #expect(QRCode(bytes: Array(repeating: 65, count: 15))?.version == 2)
        let svg = code.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 57 57\""))
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == code.modules.joined().filter { $0 }.count)
    }
}
