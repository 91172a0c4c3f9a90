import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm payment post`.
struct PaymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment", abstract: "Patient payments.", subcommands: [Post.self])

    struct Post: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a patient's payment on the account, optionally applied to one claim's patient balance.",
            discussion: """
                With --claim the payment is applied to that claim's patient balance as well (claim.patient_payment_applied); \
                it may not exceed it. Prints the payment id and the account's balance after it.

                Example:
                  rcm payment post --tenant demo-solo --patient pk-4f1c0a9e2b7d8c61 --amount 25.00 --method card
                  rcm payment post --tenant demo-group --patient pk-… --amount 40.00 --method check --claim C1A2B3C4D5E6
                """)
        @OptionGroup var practice: TenantOption
        @Option var patient: String
        @Option(help: "Amount, e.g. 25.00.") var amount: Money
        @Option(help: "card, cash, check, ach or hsa.") var method: PaymentMethod
        @Option(help: "A claim to apply the payment to.") var claim: String?
        @OptionGroup var output: FormatOption

        func validate() throws {
            guard amount > .zero else { throw ValidationError("--amount must be more than zero") }
        }

        func run() async throws {
            try await reportingFailures {
                let key = PatientKey(patient), paymentID = PatientPaymentService.newPaymentID()
                let account = try await Core.connect().postPatientPayment(
                    amount, method: method, patient: key, claim: claim.map { ClaimID($0) }, paymentID: paymentID, tenant: practice.tenant)
                print(
                    TableOutput(
                        headers: ["payment", "patient", "amount", "balance"],
                        rows: [[paymentID.rawValue, key.rawValue, amount.description, account.balance.description]]
                    ).render(output.format))
            }
        }
    }
}
