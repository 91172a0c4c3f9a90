import Application
import ArgumentParser
import Billing
import Demo
import Foundation

extension DemoCommand {
    struct Work: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work the demo's practices on a business date as a good billing clerk would.",
            discussion: """
                Runs on the business date --through (RCM_BUSINESS_DATE, if set, must be the same date). For every practice \
                (or the --tenant ones): scrubs again the claims a payer's front end rejected and those waiting for their \
                next payer; with --out, submits every ready claim whose first date of service is on or before the date \
                (one 837P per practice and payer); works the denials (PR: the patient's, left to the statements; CO-29: \
                written off unless the claim was filed in time, then appealed with the proof; others: assigned to --owner \
                and appealed within the appeal window; an appeal with no payment 45 days later was upheld and is written \
                off); at a month's end, sends statements; posts the patients' payments (each patient's habit is drawn \
                from --seed) and writes off small balances (under 10.00, 60 days old) and bad debt (120 days after the \
                first statement). With --appeals, writes the appeals of this run for the payers' portals (CSV: \
                claim_number,payer_claim_number,reference; `rcm simulate payer --appeals` reads it). With --chase, writes \
                276s for the claims no payer answered 30 days after they were sent (`rcm status inquire`).

                Example:
                  RCM_BUSINESS_DATE=2026-03-31 rcm demo work --through 2026-03-31 --out demo-out/837/2026-03-31 --appeals appeals.csv
                """)
        @Option(help: "The business date worked, YYYY-MM-DD.") var through: LocalDate
        @Option(name: .customLong("tenant"), help: "Only this practice (repeatable).") var tenants: [String] = []
        @Option(help: "Write the 837Ps of the ready claims to this directory.") var out: String?
        @Option(help: "Write the appeals sent in this run to this CSV file.") var appeals: String?
        @Option(help: "Chase the claims no payer answered in 30 days: write their 276s to this directory.") var chase: String?
        @Option(help: "The login denials are assigned to.") var owner: String = "rcm_demo_staff"
        @Option(help: "The demo's seed (the patients' habits).") var seed: UInt64 = 7

        func run() async throws {
            try await reportingFailures {
                if let set = ProcessInfo.processInfo.environment["RCM_BUSINESS_DATE"], LocalDate(set) != through {
                    throw CommandError("RCM_BUSINESS_DATE is \(set) but --through is \(through): run with the same date")
                }
                setenv("RCM_BUSINESS_DATE", through.description, 1)
                guard CommandContext.today(in: "UTC") == through else {
                    throw CommandError("could not set the business date to \(through); run with RCM_BUSINESS_DATE=\(through)")
                }
                var directory: URL?
                if let out {
                    directory = URL(fileURLWithPath: out)
                    try FileManager.default.createDirectory(at: directory!, withIntermediateDirectories: true)
                }
                let clerk = DemoClerk(core: try await Core.connect(), seed: seed, owner: StaffID(owner))
                let inquiries = chase.map { URL(fileURLWithPath: $0) }
                if let inquiries { try FileManager.default.createDirectory(at: inquiries, withIntermediateDirectories: true) }
                let report = try await clerk.work(today: through, practices: tenants, submitTo: directory, chaseTo: inquiries)
                if let appeals {
                    try writeFile(Data(DemoAppeal.csv(report.appeals).utf8), to: appeals, option: "--appeals")
                }
                print("\(through): \(report.line)")
            }
        }
    }
}
