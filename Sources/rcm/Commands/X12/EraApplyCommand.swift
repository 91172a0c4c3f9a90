import Application
import ArgumentParser
import Billing
import Foundation

extension EraCommand {
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Post an unapplied claim payment to the claim a person names, with the same checks as the import.",
            discussion: """
                For a CLP the import could not match (a claim number the payer mangled, a claim created under another \
                number). The claim's payer, lines and charges must fit; otherwise nothing is written.

                Example:
                  rcm era apply EFT110010001 --item U1 --claim C4F1C0A9E2B7D --tenant acme-counseling --reason "payer dropped a digit"
                """)
        @OptionGroup var target: UnappliedItemOptions
        @Option(help: "The claim number to post it to.") var claim: String
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            try await reportingFailures {
                guard let number = ClaimNumber(claim) else { throw CommandError("\(claim) is not a claim number") }
                let state = try await Core.connect().applyUnapplied(
                    item: target.item, trace: target.trace, payer: target.payer, to: number, tenant: target.practice.tenant, reason: reason)
                print("item \(target.item) of \(target.trace) posted to \(claim): insurance paid \(state.insurancePaid), balance \(state.insuranceBalance + state.patientBalance)")
            }
        }
    }

    struct Hold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an unapplied item aside while someone finds out (a call to the payer), with the reason.",
            discussion: "Example:\n  rcm era hold EFT110010001 --item U2 --tenant acme-counseling --reason \"called payer, ticket 4471\"")
        @OptionGroup var target: UnappliedItemOptions
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().holdUnapplied(
                    item: target.item, trace: target.trace, payer: target.payer, tenant: target.practice.tenant, reason: reason)
                print("item \(target.item) of \(target.trace) held")
            }
        }
    }

    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a held unapplied item again.", discussion: "Example:\n  rcm era release EFT110010001 --item U2 --tenant acme-counseling")
        @OptionGroup var target: UnappliedItemOptions

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().releaseUnapplied(item: target.item, trace: target.trace, payer: target.payer, tenant: target.practice.tenant)
                print("item \(target.item) of \(target.trace) released")
            }
        }
    }

    struct Refund: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record unapplied money returned to the payer (a refund check or an offset the payer confirmed).",
            discussion: """
                Until it is refunded or applied, unapplied money is a credit the practice owes the payer.

                Example:
                  rcm era refund EFT110010001 --item U2 --tenant acme-counseling --reference CHK-20931
                """)
        @OptionGroup var target: UnappliedItemOptions
        @Option(help: "The refund check number or the payer's reference.") var reference: String

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().refundUnapplied(
                    item: target.item, trace: target.trace, payer: target.payer, reference: reference, tenant: target.practice.tenant)
                print("item \(target.item) of \(target.trace) refunded (\(reference))")
            }
        }
    }
}
