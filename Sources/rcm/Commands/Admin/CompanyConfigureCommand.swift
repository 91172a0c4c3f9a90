import Application
import ArgumentParser

extension CompanyCommand {
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
                try await Core.connect().configureSubmitter(submitter)
                print("submitter \(etin) configured")
            }
        }
    }
}
