import Application
import ArgumentParser

extension AdminCommand {
    /// `rcm admin keys rotate`: re-wraps every data key under the first key of the key file.
    struct KeysRotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate",
            abstract: "Re-wrap every data key under the current key-encryption key (the key file's first line); owners only.",
            discussion: """
                While the product runs: put the new key first in the key file and keep the old one below it, run this, then
                remove the old line once it reports every key under the new id. Records kept in clear text before sealing
                (identities and raw files before migration V0010, TOTP secrets before V0019) are sealed on the way: run it once
                after upgrading past V0019. See docs/security.md, "Rotating the key".

                Example:
                  rcm admin keys generate >> /etc/rcm/kek.new && cat /etc/rcm/kek >> /etc/rcm/kek.new && mv /etc/rcm/kek.new /etc/rcm/kek
                  rcm admin keys rotate
                """
        )

        func run() async throws {
            try await reportingFailures {
                let report = try await Core.connect().rotateKeys()
                print("re-wrapped \(report.rewrapped) data key(s) under \(report.currentKeyID); \(report.alreadyCurrent) already were")
                if report.identitiesSealed + report.filesSealed > 0 {
                    print("sealed \(report.identitiesSealed) identit(ies) and \(report.filesSealed) raw file(s) kept in clear text before V0010")
                }
                if report.secondFactorsSealed > 0 {
                    print("sealed \(report.secondFactorsSealed) TOTP secret(s) kept in clear text before V0019 under the company's data key")
                }
            }
        }
    }
}
