import Application
import ArgumentParser
import Billing
import Foundation

extension PayerCommand.Rules {
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a payer's rule from a date of service on; what is not named is kept from the rule in force then.",
            discussion: """
                --authorization takes none, all, or comma-separated codes and code ranges (96130,90832-90838).
                --telehealth-modifiers '' means the payer wants no telehealth modifier. --copay none clears the copay.
                Claims for dates of service before --from keep the earlier rule.

                Example:
                  rcm payer rules set --tenant acme-counseling --payer aetna --from 2026-07-01 \\
                    --authorization 96130-96139 --telehealth-pos 10 --telehealth-modifiers 95 --copay 30.00
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "The enrolled payer's id.") var payer: String
        @Option(help: "The first date of service the rule governs, YYYY-MM-DD.") var from: LocalDate
        @Option(help: "Days from the date of service to file.") var timelyFilingDays: Int?
        @Option(help: "Days before the filing deadline to start warning.") var timelyFilingMarginDays: Int?
        @Option(help: "none, all, or codes and ranges (96130,90832-90838).") var authorization: String?
        @Option(help: "Comma-separated telehealth places of service (02,10).") var telehealthPos: String?
        @Option(help: "Comma-separated telehealth modifiers (95); '' for none.") var telehealthModifiers: String?
        @Option(help: "allowed or not-allowed: whether audio-only sessions are payable.") var audioOnly: Permission?
        @Option(help: "Days after adjudication for a corrected claim.") var correctedClaimDays: Int?
        @Option(help: "Days after adjudication for an appeal.") var appealDays: Int?
        @Option(help: "yes or no: the payer administers only the behavioral benefit.") var carveOut: YesNo?
        @Option(help: "The plan's copay per visit (25.00), or none.") var copay: String?

        func run() async throws {
            try await reportingFailures {
                var change = PayerRuleChange(
                    timelyFilingDays: timelyFilingDays, timelyFilingMarginDays: timelyFilingMarginDays,
                    telehealthPlaces: telehealthPos.map { Swift.Set(list($0)) },
                    telehealthModifiers: telehealthModifiers.map { Swift.Set(list($0)) }, audioOnlyAllowed: audioOnly.map { $0 == .allowed },
                    correctedClaimDays: correctedClaimDays, appealDays: appealDays, behavioralCarveOut: carveOut.map { $0 == .yes })
                if let authorization { change.authorization = try Self.authorization(authorization) }
                if let copay { change.copay = .some(try Self.copay(copay)) }
                let rule = try await Core.connect().setPayerRule(
                    PayerRuleRequest(tenant: practice.tenant, payer: PayerID(payer), from: from, change: change))
                print("\(payer) rule from \(rule.effectiveFrom): \(PayerRuleText.summary(rule))")
            }
        }

        /// `none`, `all`, or codes and ranges.
        static func authorization(_ text: String) throws -> PayerRuleChange.Authorization {
            switch text {
            case "none": return .notRequired
            case "all": return .everyCode
            default:
                let codes = list(text)
                if let bad = codes.first(where: { CodeRange(parsing: $0) == nil }) {
                    throw CommandError("--authorization: \(bad) is not a procedure code or a range such as 90832-90838")
                }
                guard !codes.isEmpty else { throw CommandError("--authorization takes none, all, or codes such as 96130,90832-90838") }
                return .codes(Swift.Set(codes))
            }
        }

        /// An amount, or `none`.
        static func copay(_ text: String) throws -> Money? {
            if text == "none" { return nil }
            guard let amount = Money(parsing: text) else { throw CommandError("--copay: \(text) is not an amount such as 25.00, or none") }
            return amount
        }
    }
}
