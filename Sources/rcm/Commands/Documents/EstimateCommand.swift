import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm estimate create`.
struct EstimateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate", abstract: "Good Faith Estimates for self-pay and out-of-network clients.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a client a Good Faith Estimate (No Surprises Act) of the expected charges.",
            discussion: """
                Services are CODE=CHARGE[xQUANTITY], repeatable: the charge per session and the expected number of \
                sessions. The estimate is recorded on the account (account.estimate_created); self-pay charges that \
                later exceed it by $400 or more are flagged. Only for clients whose account is self-pay.

                Example:
                  rcm estimate create --tenant demo-solo --patient pk-4f1c0a9e2b7d8c61 \\
                    --service 90791=200.00 --service 90837=175.00x12 --out estimates
                """)
        @OptionGroup var practice: TenantOption
        @Option var patient: String
        @Option(help: "CODE=CHARGE[xQUANTITY]; repeatable.") var service: [String]
        @Option(help: "Last date of service covered, YYYY-MM-DD (default: a year from today).") var through: LocalDate?
        @Option(help: "Directory to write to.") var out: String = "."
        @Option(help: "html or text.") var format: DocumentFormat = .html

        func validate() throws {
            guard !service.isEmpty else { throw ValidationError("give at least one --service CODE=CHARGE") }
        }

        static func parse(_ text: String) throws -> EstimateItem {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CommandError("\(text): write a service as CODE=CHARGE or CODE=CHARGExQUANTITY") }
            let amount = parts[1].split(separator: "x", maxSplits: 1).map(String.init)
            guard let charge = Money(parsing: amount[0]) else { throw CommandError("\(text): \(amount[0]) is not an amount such as 150.00") }
            guard charge > .zero else { throw CommandError("\(text): the charge must be more than zero") }
            let quantity = amount.count == 2 ? Int(amount[1]) : 1
            guard let quantity, quantity > 0 else { throw CommandError("\(text): the quantity must be a whole number above zero") }
            return EstimateItem(code: parts[0].uppercased(), quantity: quantity, unitCharge: charge)
        }

        func run() async throws {
            try await reportingFailures {
                let items = try service.map(Self.parse)
                let document = try await Core.connect().createEstimate(for: PatientKey(patient), items: items, validThrough: through, tenant: practice.tenant)
                let path = try DocumentOutput.write(
                    [document.page], name: document.documentID.rawValue, title: "Good Faith Estimate", format: format, to: out)
                print("\(document.documentID.rawValue)  estimated total \(document.amount)  \(path)")
            }
        }
    }
}
