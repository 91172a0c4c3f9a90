import Foundation
import TestSupport

/// RFC 6238 codes computed independently of the product, by Python's hmac (the product computes them in Swift,
/// `TOTP`, after opening the sealed secret): what an authenticator app would show.
enum PythonTOTP {
    /// The code of a base32 secret `stepsFromNow` 30-second steps from now.
    static func code(secret: String, stepsFromNow: Int = 0) throws -> String {
        let script = """
            import base64, hmac, hashlib, struct, sys, time
            secret = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
            step = int(time.time()) // 30 + int(sys.argv[2])
            mac = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
            offset = mac[19] & 15
            value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7fffffff
            print("%06d" % (value % 1000000))
            """
        let output = try Shell.run(["/usr/bin/python3", "-c", script, secret, String(stepsFromNow)])
        return output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Seconds left in the current step: a test that must stay within one step waits for a fresh one first.
    static var secondsLeftInStep: Double { 30 - Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 30) }
}
