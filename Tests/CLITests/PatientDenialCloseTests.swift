import Foundation
import Testing
import TestSupport

/// Issue 13's last gap, through the binary: a PR-204 denial (not covered by the patient's plan) leaves the denial
/// worklist once the patient pays its share, and the claim closes.
@Suite("A PR-204 denial is resolved by the patient's payment and its claim closes")
struct PatientDenialCloseTests {
    @Test("835 with a PR-204 line, then the patient's payment in two parts: on the worklist until paid in full, then resolved (patient_paid) and the claim closed")
    func patientPaysTheDenial() async throws {
        let cli = try await CLI.make("pr204_close")
        let (key, claim, _) = try ClerkFrictionTests.patientDenial(cli, "pr204-close")
        let open = try DenialWorklistTests.rows(cli, [])
        let denial = try #require(open.first { $0["claim"] == claim }, "\(open)")
        #expect(denial["reason"] == "PR-204" && denial["status"] == "open" && denial["amount"] == "120.00", "\(denial)")

        func pay(_ amount: String) throws {
            _ = try cli.ok([
                "payment", "post", "--tenant", "acme", "--patient", key, "--amount", amount, "--method", "card", "--claim", claim,
            ])
        }
        try pay("100.00")
        #expect(try DenialWorklistTests.rows(cli, []).contains { $0["claim"] == claim }, "20.00 still owed: the denial stays")
        var row = ClerkFrictionTests.row(try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]), claim)
        #expect(row["status"] == "denied" && row["patient_balance"] == "20.00", "\(row)")

        try pay("20.00")
        #expect(try !DenialWorklistTests.rows(cli, []).contains { $0["claim"] == claim }, "paid in full: off the worklist")
        let resolved = try DenialWorklistTests.rows(cli, ["--status", "resolved"])
        #expect(resolved.contains { $0["claim"] == claim && $0["denial"] == denial["denial"] }, "\(resolved)")
        row = ClerkFrictionTests.row(try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]), claim)
        #expect(row["status"] == "closed" && row["patient_balance"] == "0.00" && row["insurance_balance"] == "0.00", "\(row)")
        let history = try cli.ok(["report", "claim", claim, "--tenant", "acme"])
        #expect(history.contains("claim.closed"), "\(history)")

        // The projection rebuilt from the log agrees with the one kept up to date.
        _ = try cli.ok(["projections", "rebuild"])
        row = ClerkFrictionTests.row(try cli.ok(["claims", "list", "--tenant", "acme", "--format", "csv"]), claim)
        #expect(row["status"] == "closed", "\(row)")
        #expect(try !DenialWorklistTests.rows(cli, []).contains { $0["claim"] == claim })
        #expect(try cli.ok(["audit", "verify"]).contains("acme: ok"))
        await cli.database.drop()
    }
}
