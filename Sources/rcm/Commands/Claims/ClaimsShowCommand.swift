import Application
import ArgumentParser
import Billing
import Foundation

extension ClaimsCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a claim's lines, balances, adjudications and denials (the read is recorded in the access log).",
            discussion: "Example:\n  rcm claims show C4F1C0A9E2B7D --tenant acme-counseling --reason \"payer call\"")
        @Argument var claim: String
        @OptionGroup var practice: TenantOption
        @Option(help: "Why (recorded).") var reason: String = "billing"
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let state = try await Core.connect().showClaim(ClaimID(claim), tenant: practice.tenant, reason: reason)
                print(TableOutput(headers: ["field", "value"], rows: Self.rows(state)).render(output.format))
            }
        }

        static func rows(_ state: Claim.State) -> [[String]] {
            var rows: [[String]] = [
                ["claim", state.claimNumber?.description ?? ""], ["status", state.status.rawValue], ["patient_key", state.patientKey?.rawValue ?? ""],
                ["payer", state.payerID?.rawValue ?? ""], ["frequency", state.frequency.rawValue],
                ["diagnoses", state.diagnoses.map(\.description).joined(separator: " ")], ["charges", state.charges.description],
                ["insurance_paid", state.insurancePaid.description], ["patient_paid", state.patientPaid.description],
                ["adjustments", state.adjustments.description], ["write_offs", state.writeOffs.description],
                ["insurance_balance", state.insuranceBalance.description], ["patient_balance", state.patientBalance.description],
            ]
            if state.frequency != .original, let original = state.originalPayerClaimNumber {
                rows.insert(["replaces_payer_claim", original], at: 5)
            }
            for line in state.lines {
                rows.append(["line \(line.lineID)", "\(line.dateOfService) \(line.code) \(line.modifiers.joined(separator: ",")) \(line.units) units \(line.charge)"])
            }
            for denial in state.denials.values.sorted(by: { $0.denialID < $1.denialID }) {
                let codes = (denial.reasons.map(\.code) + denial.remarks).joined(separator: " ")
                let owner = denial.owner.map { " owner \($0)" } ?? ""
                rows.append(["denial \(denial.denialID)", "\(denial.status) \(denial.amount) \(codes)\(owner) appeal by \(denial.dueDate)"])
            }
            for finding in state.findings { rows.append(["finding \(finding.ruleID)", "\(finding.severity.rawValue): \(finding.message)"]) }
            return rows
        }
    }
}
