import Application
import ArgumentParser
import Billing
import Foundation

extension PatientCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a patient's identity, coverages and authorizations; the read is recorded in the access log.",
            discussion: "Example:\n  rcm patient show pk-4f1c0a9e2b7d8c61 --tenant acme-counseling --reason \"eligibility call\"")
        @Argument var key: String
        @OptionGroup var practice: TenantOption
        @Option(help: "Why you need to see it (recorded).") var reason: String = "billing"
        @OptionGroup var output: TableOrJSONOption

        func run() async throws {
            try await reportingFailures {
                let key = PatientKey(key)
                let view = try await Core.connect().showPatient(key, tenant: practice.tenant, reason: reason)
                var rows: [[String]] = [["patient_key", key.rawValue]]
                if let identity = view.identity {
                    rows += [
                        ["name", "\(identity.firstName) \(identity.lastName)"], ["date_of_birth", identity.dateOfBirth.description],
                        ["address", identity.address], ["phone", identity.phone], ["member_id", identity.memberID],
                    ]
                } else {
                    rows.append(["identity", "destroyed"])
                }
                let state = view.state
                rows.append(["substance_use_sensitive", state.substanceUseSensitive ? "yes (42 CFR Part 2)" : "no"])
                for coverage in state.coverages.values.sorted(by: { $0.order < $1.order }) {
                    rows.append(["coverage \(coverage.order.rawValue)", "\(coverage.payerID) copay \(coverage.copay) coinsurance \(coverage.coinsurancePercent)% deductible \(coverage.deductible) \(Self.window(coverage.effective))"])
                }
                for auth in state.authorizations.values.sorted(by: { $0.number < $1.number }) {
                    rows.append(["authorization \(auth.number)", "\(auth.payerID) \(auth.remaining) of \(auth.units) units left, \(auth.codes.isEmpty ? "any code" : "codes " + auth.codes.sorted().joined(separator: " ")), \(Self.window(auth.window))"])
                }
                print(TableOutput(headers: ["field", "value"], rows: rows).render(output.format.output))
            }
        }
    }
}

extension PatientCommand.Show {
    /// `from 2026-01-01 through 2026-12-31`, or `from 2026-01-01, no end date`.
    static func window(_ period: EffectivePeriod) -> String {
        "from \(period.from)" + (period.through.map { " through \($0)" } ?? ", no end date")
    }
}
