import Application
import ArgumentParser

/// `rcm company configure`: the submitter identity on every 837P.
struct CompanyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company", abstract: "The billing company's own settings.", subcommands: [Configure.self])

    struct Configure: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the submitter identity (name, ETIN, ISA sender and receiver) used on every 837P (owner login).",
            discussion: """
                Example:
                  rcm company configure --name "Northwind Billing" --etin NWB0001 --sender-id NWBILLING \\
                    --receiver-id CLEARHOUSE --receiver-name "Clearinghouse Inc" --phone 3125550100
                """)
        @Option var name: String
        @Option(help: "The ETIN the clearinghouse issued.") var etin: String
        @Option(help: "ISA06, at most 15 characters.") var senderID: String
        @Option(help: "ISA08, at most 15 characters.") var receiverID: String
        @Option var receiverName: String
        @Option var phone: String

        func run() async throws {
            try await reportingFailures {
                let submitter = SubmitterProfile(name: name, etin: etin, senderID: senderID, receiverID: receiverID, receiverName: receiverName, contactPhone: phone)
                try await Workspace.administration { session, actor, today in
                    try CompanyService().configureSubmitter(submitter, actor: actor, today: today, in: session)
                }
                print("submitter \(etin) configured")
            }
        }
    }
}
