import Application
import ArgumentParser
import Billing
import Demo
import Foundation

extension DemoCommand {
    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a deterministic billing company with three practices and twelve months of sessions and claims.",
            discussion: """
                Creates the company tenant and its submitter, the demo payer catalog (commercial, Medicare, Medicaid managed \
                care, an EAP, a behavioral carve-out), practices (a solo therapist, a group practice with supervised \
                associates, a telehealth group; --tenants adds more of the same mix), providers with valid NPIs, fictional \
                patients with coverages and authorizations (some self-pay and out-of-network), sessions with the usual \
                behavioral-health codes, and a claim created and scrubbed for every insured session. The same --seed builds \
                the same business data. --scale sets the total number of sessions over all practices: small about 1,500, \
                medium about 40,000, large about 200,000. Run it as an owner login on a fresh database (docs/demo.md).

                With --check-eligibility the front desk asks the payers before each new patient's first session and each \
                month about the patients scheduled (270s the payer simulator answers with 271s, imported); a commercial \
                plan that carves behavioral health out has its route to the carve-out payer confirmed, and the patient's \
                later claims bill the carve-out payer.

                With --as-staff the daily work (patients, sessions, claims) runs as the staff login (default \
                rcm_demo_staff), connecting with the same settings as another login: on the local cluster the socket \
                trusts it; elsewhere give its password through PGPASSFILE, never on the command line.

                Example:
                  rcm demo seed --seed 7 --scale medium
                  rcm demo seed --scale small --tenants 6 --start 2025-12-01 --as-staff
                  rcm demo seed --seed 7 --scale small --as-staff --check-eligibility
                """)
        @Option(help: "The seed; the same seed builds the same data.") var seed: UInt64 = 1
        @Option(help: "small, medium or large.") var scale: DemoScale = .small
        @Option(help: "Number of practices (at least 3 for the full mix).") var tenants: Int = 3
        @Option(help: "First day of the twelve months, YYYY-MM-DD.") var start: LocalDate = LocalDate("2025-12-01")!
        @Option(help: "Prefix of the practices' slugs.") var prefix: String = "demo"
        @Option(help: "The staff login to create and assign to the practices.") var staffLogin: String = "rcm_demo_staff"
        @Flag(help: "Do not create or assign a staff login.") var noStaff = false
        @Flag(help: "Run the daily work as the staff login.") var asStaff = false
        @Flag(
            help: """
                Check eligibility at the front desk: a 270 for each day's new patients before the first session and one \
                for each month's scheduled patients, answered by the payer simulator, carve-outs routed (confirmed) and \
                billed to the carve-out payer.
                """)
        var checkEligibility = false
        @OptionGroup var output: FormatOption

        func validate() throws {
            guard (1...500).contains(tenants) else { throw ValidationError("--tenants is 1 to 500") }
            guard !(asStaff && noStaff) else { throw ValidationError("--as-staff needs the staff login") }
        }

        func run() async throws {
            try await reportingFailures {
                let options = DemoOptions(
                    seed: seed, scale: scale, tenants: tenants, start: start, slugPrefix: prefix,
                    staffLogin: noStaff ? nil : staffLogin, checksEligibility: checkEligibility)
                let admin = try await Core.connect()
                let plan = DemoPlan.make(options)
                printError("planned \(plan.practices.count) practice(s), \(plan.patientCount) patients, \(plan.sessionCount) sessions")
                let reporter = ProgressReporter()
                // The staff connection opens after set-up has created and assigned the login.
                let seeder = DemoSeeder()
                let began = DispatchTime.now().uptimeNanoseconds
                var summary: DemoSummary
                if asStaff {
                    let setUp = try await seeder.setUp(plan: plan, admin: admin.backend, progress: reporter.report)
                    let staff = try await admin.asLogin(staffLogin)
                    summary = try await seeder.work(plan: plan, tenants: setUp, worker: staff.backend, progress: reporter.report)
                } else {
                    summary = try await seeder.seed(plan: plan, admin: admin.backend, progress: reporter.report)
                }
                reporter.finish()
                summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
                var rows = summary.practices.map { [$0.slug, $0.tenantID] }
                rows.append(["patients", String(summary.patients)])
                rows.append(["sessions", String(summary.sessions)])
                rows.append(["claims", String(summary.claims)])
                rows.append(["claims passing scrub", String(summary.scrubPassed)])
                rows.append(["claim charges", summary.claimCharges.description])
                rows.append(["self-pay charges", summary.selfPayCharges.description])
                rows.append(["patient payments", summary.patientPayments.description])
                if checkEligibility {
                    rows.append(["eligibility inquiries", String(summary.eligibilityInquiries)])
                    rows.append(["270 files", String(summary.eligibilityFiles)])
                    rows.append(["carve-outs routed", String(summary.carveOutsRouted)])
                    rows.append(["carve-out routes renewed", String(summary.carveOutsRenewed)])
                    rows.append(["claims billed to a carve-out payer", String(summary.carveOutClaims)])
                }
                rows.append(["staff login", summary.staffLogin ?? "-"])
                rows.append(["seconds", String(format: "%.1f", summary.seconds)])
                print(TableOutput(headers: ["item", "value"], rows: rows).render(output.format))
            }
        }
    }
}
